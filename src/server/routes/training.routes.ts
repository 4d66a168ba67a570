import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../shared/contracts/index.ts';
import { coachTeamRoles, leadRoles, staffRoles } from '../../shared/roles.ts';
import {
  addModule,
  addSession,
  createCohort,
  findCohorts,
  getCohort,
  joinCohort,
  listModules,
  saveAttendance,
  updateCohort,
  updateModule,
} from '../../domain/training/index.ts';

const errors = { 400: c.errorResponse, 403: c.errorResponse, 404: c.errorResponse, 409: c.errorResponse };
/** Who works with cohorts: trainers, the coaches who place participants in them, and the leads. */
const cohortRoles = ['trainer', ...coachTeamRoles] as const;
/** Who runs cohorts: plans sessions and marks attendance (the use case checks which cohorts). */
const runnerRoles = ['trainer', ...leadRoles] as const;

export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/training/modules', {
    config: { access: { roles: staffRoles, data: 'organisation' } },
    schema: { tags: ['training'], response: { 200: c.curriculumList, ...errors } },
    handler: (request) => listModules(request.ctx),
  });
  app.post('/api/training/modules', {
    config: { access: { roles: ['national_lead'], data: 'organisation' } },
    schema: {
      tags: ['training'],
      body: c.curriculumCreate,
      response: { 201: c.curriculumModule, ...errors },
    },
    handler: async (request, reply) => reply.status(201).send(await addModule(request.ctx, request.body)),
  });
  app.patch('/api/training/modules/:id', {
    config: { access: { roles: ['national_lead'], data: 'organisation' } },
    schema: {
      tags: ['training'],
      params: c.idParams,
      body: c.curriculumUpdate,
      response: { 200: c.curriculumModule, ...errors },
    },
    handler: (request) => updateModule(request.ctx, request.params.id, request.body),
  });

  app.get('/api/cohorts', {
    config: { access: { roles: cohortRoles, data: 'organisation' } },
    schema: { tags: ['training'], querystring: c.cohortQuery, response: { 200: c.cohortList, ...errors } },
    handler: (request) => findCohorts(request.ctx, request.query),
  });
  app.post('/api/cohorts', {
    config: { access: { roles: leadRoles, data: 'organisation' } },
    schema: { tags: ['training'], body: c.cohortCreate, response: { 201: c.created, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await createCohort(request.ctx, request.body)),
  });
  app.patch('/api/cohorts/:id', {
    config: { access: { roles: leadRoles, data: 'organisation' } },
    schema: {
      tags: ['training'],
      params: c.idParams,
      body: c.cohortUpdate,
      response: { 200: c.created, ...errors },
    },
    handler: (request) => updateCohort(request.ctx, request.params.id, request.body),
  });
  app.get('/api/cohorts/:id', {
    config: { access: { roles: cohortRoles, data: 'participant' } },
    schema: { tags: ['training'], params: c.idParams, response: { 200: c.cohortPage, ...errors } },
    handler: (request) => getCohort(request.ctx, request.params.id),
  });
  app.post('/api/cohorts/:id/sessions', {
    config: { access: { roles: runnerRoles, data: 'organisation' } },
    schema: {
      tags: ['training'],
      params: c.idParams,
      body: c.sessionCreate,
      response: { 201: c.created, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await addSession(request.ctx, request.params.id, request.body)),
  });
  app.put('/api/sessions/:id/attendance', {
    config: { access: { roles: runnerRoles, data: 'participant' } },
    schema: {
      tags: ['training'],
      params: c.idParams,
      body: c.attendanceSave,
      response: { 200: c.attendanceSaved, ...errors },
    },
    handler: (request) => saveAttendance(request.ctx, request.params.id, request.body),
  });
  app.post('/api/trajectories/:id/cohort', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: {
      tags: ['training'],
      params: c.idParams,
      body: c.cohortJoin,
      response: { 200: c.cohortJoined, ...errors },
    },
    handler: (request) => joinCohort(request.ctx, request.params.id, request.body.cohortId),
  });
};
