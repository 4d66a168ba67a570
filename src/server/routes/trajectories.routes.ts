import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../shared/contracts/index.ts';
import { coachTeamRoles, leadRoles } from '../../shared/roles.ts';
import {
  addActivity,
  addApplication,
  answerQuestion,
  closeQuestion,
  listQuestions,
  addMeeting,
  addNote,
  agreeToPlan,
  askQuestion,
  assignCoach,
  changeTrajectoryStatus,
  extendTrajectory,
  findCoaches,
  getCaseload,
  getPlan,
  getPortal,
  getWaitingReferrals,
  getWorkload,
  listApplications,
  savePlan,
  setStepStatus,
  updateApplication,
  planAppointment,
  moveAppointment,
  cancelAppointment,
  listAppointments,
} from '../../domain/trajectories/index.ts';

const errors = { 400: c.errorResponse, 403: c.errorResponse, 404: c.errorResponse, 409: c.errorResponse };
const fileResponse = c.participantFileResponse;

export const trajectoryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/trajectories/:id/status', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: {
      tags: ['trajectories'],
      params: c.idParams,
      body: c.trajectoryAction,
      response: { 200: fileResponse, ...errors },
    },
    handler: (request) => changeTrajectoryStatus(request.ctx, request.params.id, request.body),
  });

  app.put('/api/trajectories/:id/coach', {
    config: { access: { roles: leadRoles, data: 'participant' } },
    schema: {
      tags: ['trajectories'],
      params: c.idParams,
      body: c.coachAssign,
      response: { 200: fileResponse, ...errors },
    },
    handler: (request) => assignCoach(request.ctx, request.params.id, request.body.coachId),
  });

  app.post('/api/trajectories/:id/extensions', {
    config: { access: { roles: leadRoles, data: 'participant' } },
    schema: {
      tags: ['trajectories'],
      params: c.idParams,
      body: c.extensionCreate,
      response: { 200: fileResponse, ...errors },
    },
    handler: (request) => extendTrajectory(request.ctx, request.params.id, request.body),
  });

  app.get('/api/trajectories/:id/plan', {
    config: { access: { roles: [...coachTeamRoles, 'participant'], data: 'participant' } },
    schema: { tags: ['trajectories'], params: c.idParams, response: { 200: c.plan, ...errors } },
    handler: (request) => getPlan(request.ctx, request.params.id),
  });

  app.put('/api/trajectories/:id/plan', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: {
      tags: ['trajectories'],
      params: c.idParams,
      body: c.planSave,
      response: { 200: c.plan, ...errors },
    },
    handler: (request) => savePlan(request.ctx, request.params.id, request.body),
  });

  app.post('/api/trajectories/:id/plan/agreement', {
    config: { access: { roles: ['participant'], data: 'participant' } },
    schema: {
      tags: ['trajectories'],
      params: c.idParams,
      body: c.planAgree,
      response: { 200: c.plan, ...errors },
    },
    handler: (request) => agreeToPlan(request.ctx, request.params.id, request.body.version),
  });

  app.put('/api/trajectories/:id/steps/:stepId', {
    config: { access: { roles: [...coachTeamRoles, 'participant'], data: 'participant' } },
    schema: {
      tags: ['trajectories'],
      params: c.stepParams,
      body: c.stepStatusUpdate,
      response: { 200: c.plan, ...errors },
    },
    handler: (request) =>
      setStepStatus(request.ctx, request.params.id, request.params.stepId, request.body.status),
  });

  const record = { 201: c.created, ...errors };
  app.post('/api/trajectories/:id/meetings', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: { tags: ['coaching'], params: c.idParams, body: c.meetingCreate, response: record },
    handler: async (request, reply) =>
      reply.status(201).send(await addMeeting(request.ctx, request.params.id, request.body)),
  });
  app.post('/api/trajectories/:id/notes', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: { tags: ['coaching'], params: c.idParams, body: c.noteCreate, response: record },
    handler: async (request, reply) =>
      reply.status(201).send(await addNote(request.ctx, request.params.id, request.body)),
  });
  app.post('/api/trajectories/:id/questions', {
    config: { access: { roles: ['participant'], data: 'participant' } },
    schema: { tags: ['coaching'], params: c.idParams, body: c.questionCreate, response: record },
    handler: async (request, reply) =>
      reply.status(201).send(await askQuestion(request.ctx, request.params.id, request.body.body)),
  });
  app.get('/api/trajectories/:id/questions', {
    config: { access: { roles: [...coachTeamRoles, 'participant'], data: 'participant' } },
    schema: { tags: ['coaching'], params: c.idParams, response: { 200: c.questionList, ...errors } },
    handler: (request) => listQuestions(request.ctx, request.params.id),
  });
  app.post('/api/questions/:id/answers', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: { tags: ['coaching'], params: c.idParams, body: c.answerCreate, response: record },
    handler: async (request, reply) =>
      reply.status(201).send(await answerQuestion(request.ctx, request.params.id, request.body.body)),
  });
  app.post('/api/questions/:id/close', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: { tags: ['coaching'], params: c.idParams, response: { 200: c.created, ...errors } },
    handler: (request) => closeQuestion(request.ctx, request.params.id),
  });
  app.post('/api/trajectories/:id/applications', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: { tags: ['coaching'], params: c.idParams, body: c.applicationCreate, response: record },
    handler: async (request, reply) =>
      reply.status(201).send(await addApplication(request.ctx, request.params.id, request.body)),
  });
  app.get('/api/trajectories/:id/applications', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: { tags: ['coaching'], params: c.idParams, response: { 200: c.applicationList, ...errors } },
    handler: (request) => listApplications(request.ctx, request.params.id),
  });
  app.patch('/api/trajectories/:id/applications/:applicationId', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: {
      tags: ['coaching'],
      params: c.applicationParams,
      body: c.applicationUpdate,
      response: { 200: c.created, ...errors },
    },
    handler: (request) =>
      updateApplication(request.ctx, request.params.id, request.params.applicationId, request.body),
  });
  app.post('/api/trajectories/:id/activities', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: { tags: ['coaching'], params: c.idParams, body: c.activityCreate, response: record },
    handler: async (request, reply) =>
      reply.status(201).send(await addActivity(request.ctx, request.params.id, request.body)),
  });

  app.post('/api/trajectories/:id/appointments', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: {
      tags: ['coaching'],
      params: c.idParams,
      body: c.appointmentCreate,
      response: { 201: c.appointment, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await planAppointment(request.ctx, request.params.id, request.body)),
  });
  app.get('/api/trajectories/:id/appointments', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: { tags: ['coaching'], params: c.idParams, response: { 200: c.appointmentList, ...errors } },
    handler: (request) => listAppointments(request.ctx, request.params.id),
  });
  app.put('/api/appointments/:id', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: {
      tags: ['coaching'],
      params: c.idParams,
      body: c.appointmentUpdate,
      response: { 200: c.appointment, ...errors },
    },
    handler: (request) => moveAppointment(request.ctx, request.params.id, request.body),
  });
  app.post('/api/appointments/:id/cancel', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: {
      tags: ['coaching'],
      params: c.idParams,
      body: c.appointmentCancel,
      response: { 200: c.appointment, ...errors },
    },
    handler: (request) => cancelAppointment(request.ctx, request.params.id, request.body.version),
  });

  app.get('/api/caseload', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: { tags: ['caseload'], querystring: c.caseloadQuery, response: { 200: c.caseload, ...errors } },
    handler: (request) => getCaseload(request.ctx, request.query),
  });
  app.get('/api/caseload/waiting-referrals', {
    config: { access: { roles: leadRoles, data: 'participant' } },
    schema: { tags: ['caseload'], response: { 200: c.waitingReferrals, ...errors } },
    handler: (request) => getWaitingReferrals(request.ctx),
  });

  app.get('/api/caseload/workload', {
    config: { access: { roles: leadRoles, data: 'participant' } },
    schema: { tags: ['caseload'], response: { 200: c.workload, ...errors } },
    handler: (request) => getWorkload(request.ctx),
  });
  app.get('/api/coaches', {
    config: { access: { roles: leadRoles, data: 'users' } },
    schema: { tags: ['caseload'], response: { 200: c.coachOptionList, ...errors } },
    handler: async (request) => ({ items: await findCoaches(request.ctx) }),
  });

  app.get('/api/portal', {
    config: { access: { roles: ['participant'], data: 'participant' } },
    schema: { tags: ['portal'], response: { 200: c.portal, ...errors } },
    handler: (request) => getPortal(request.ctx),
  });
};
