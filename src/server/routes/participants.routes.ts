import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../shared/contracts/index.ts';
import { coachTeamRoles } from '../../shared/roles.ts';
import { searchOccupations } from '../../domain/occupations/index.ts';
import {
  addLanguageLevel,
  correctReferral,
  createPortalAccount,
  findParticipants,
  getParticipantFile,
  registerReferral,
  resendPortalInvitation,
  updateProfile,
} from '../../domain/participants/index.ts';
import { getCv, getTimeline, openTrajectory } from '../../domain/trajectories/index.ts';

const errors = { 400: c.errorResponse, 403: c.errorResponse, 404: c.errorResponse, 409: c.errorResponse };
const fileResponse = c.participantFileResponse;

export const participantRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/participants', {
    config: { access: { roles: [...coachTeamRoles, 'municipality_staff'], data: 'participant' } },
    schema: {
      tags: ['participants'],
      querystring: c.participantQuery,
      response: { 200: c.participantList, ...errors },
    },
    handler: (request) => findParticipants(request.ctx, request.query),
  });

  app.post('/api/participants', {
    config: { access: { roles: [...coachTeamRoles, 'municipality_staff'], data: 'participant' } },
    schema: {
      tags: ['participants'],
      body: c.referralCreate,
      response: { 201: c.referralCreated, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await registerReferral(request.ctx, request.body)),
  });

  app.get('/api/participants/:id', {
    config: {
      access: { roles: [...coachTeamRoles, 'municipality_staff', 'participant'], data: 'participant' },
    },
    schema: { tags: ['participants'], params: c.idParams, response: { 200: fileResponse, ...errors } },
    handler: (request) => getParticipantFile(request.ctx, request.params.id),
  });

  app.patch('/api/participants/:id', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: {
      tags: ['participants'],
      params: c.idParams,
      body: c.profileUpdate,
      response: { 200: fileResponse, ...errors },
    },
    handler: (request) => updateProfile(request.ctx, request.params.id, request.body),
  });

  // The correction window: municipality staff correct a referral they made while it is still "referred".
  app.patch('/api/participants/:id/referral', {
    config: { access: { roles: ['municipality_staff'], data: 'participant' } },
    schema: {
      tags: ['participants'],
      params: c.idParams,
      body: c.referralCorrection,
      response: { 200: fileResponse, ...errors },
    },
    handler: (request) => correctReferral(request.ctx, request.params.id, request.body),
  });

  app.post('/api/participants/:id/language-levels', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: {
      tags: ['participants'],
      params: c.idParams,
      body: c.languageLevelCreate,
      response: { 200: fileResponse, ...errors },
    },
    handler: (request) => addLanguageLevel(request.ctx, request.params.id, request.body),
  });

  app.post('/api/participants/:id/trajectories', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: {
      tags: ['participants'],
      params: c.idParams,
      body: c.trajectoryCreate,
      response: { 200: fileResponse, ...errors },
    },
    handler: (request) => openTrajectory(request.ctx, request.params.id, request.body),
  });

  app.post('/api/participants/:id/portal-account', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: {
      tags: ['participants'],
      params: c.idParams,
      body: c.portalAccountCreate,
      response: { 200: fileResponse, ...errors },
    },
    handler: (request) => createPortalAccount(request.ctx, request.params.id, request.body.email),
  });

  app.put('/api/participants/:id/portal-account', {
    config: { access: { roles: coachTeamRoles, data: 'participant' } },
    schema: {
      tags: ['participants'],
      params: c.idParams,
      body: c.portalAccountCreate,
      response: { 200: fileResponse, ...errors },
    },
    handler: (request) => resendPortalInvitation(request.ctx, request.params.id, request.body.email),
  });

  app.get('/api/participants/:id/timeline', {
    config: { access: { roles: [...coachTeamRoles, 'participant'], data: 'participant' } },
    schema: {
      tags: ['participants'],
      params: c.idParams,
      querystring: c.timelineQuery,
      response: { 200: c.timeline, ...errors },
    },
    handler: (request) => getTimeline(request.ctx, request.params.id, request.query.kind),
  });

  app.get('/api/participants/:id/cv', {
    config: { access: { roles: [...coachTeamRoles, 'participant'], data: 'participant' } },
    schema: { tags: ['participants'], params: c.idParams, response: { 200: c.cv, ...errors } },
    handler: (request) => getCv(request.ctx, request.params.id),
  });

  app.get('/api/occupations', {
    config: { access: { roles: [...coachTeamRoles, 'municipality_staff'], data: 'none' } },
    schema: {
      tags: ['participants'],
      querystring: c.occupationSearch,
      response: { 200: c.occupationList, ...errors },
    },
    handler: async (request) => ({
      items: await searchOccupations(request.ctx, request.query.q, request.query.limit),
    }),
  });
};
