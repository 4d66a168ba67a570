import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../shared/contracts/index.ts';
import {
  confirmRole,
  endSessionsOf,
  findAuditEvents,
  findEmployers,
  findRolesToConfirm,
  findUsers,
  inviteUser,
  resendInvitation,
  resetSecondFactor,
  updateUser,
} from '../../domain/access/index.ts';

const errors = { 400: c.errorResponse, 403: c.errorResponse, 404: c.errorResponse, 409: c.errorResponse };

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/users', {
    config: { access: { roles: ['administrator'], data: 'users' } },
    schema: { tags: ['users'], querystring: c.userQuery, response: { 200: c.userList, ...errors } },
    handler: (request) => findUsers(request.ctx, request.query),
  });

  app.post('/api/users', {
    config: { access: { roles: ['administrator'], data: 'users' } },
    schema: { tags: ['users'], body: c.invitationCreate, response: { 201: c.user, ...errors } },
    handler: async (request, reply) => reply.status(201).send(await inviteUser(request.ctx, request.body)),
  });

  app.patch('/api/users/:id', {
    config: { access: { roles: ['administrator'], data: 'users' } },
    schema: { tags: ['users'], params: c.idParams, body: c.userUpdate, response: { 200: c.user, ...errors } },
    handler: (request) => updateUser(request.ctx, request.params.id, request.body),
  });

  app.post('/api/users/:id/invitation', {
    config: { access: { roles: ['administrator'], data: 'users' } },
    schema: { tags: ['users'], params: c.idParams, response: { 200: c.ok, ...errors } },
    handler: async (request) => {
      await resendInvitation(request.ctx, request.params.id);
      return { ok: true as const };
    },
  });

  app.post('/api/users/:id/sessions/end', {
    config: { access: { roles: ['administrator'], data: 'users' } },
    schema: { tags: ['users'], params: c.idParams, response: { 200: c.sessionsEnded, ...errors } },
    handler: (request) => endSessionsOf(request.ctx, request.params.id),
  });

  app.post('/api/users/:id/second-factor/reset', {
    config: { access: { roles: ['administrator'], data: 'users' } },
    schema: { tags: ['users'], params: c.idParams, response: { 200: c.ok, ...errors } },
    handler: async (request) => {
      await resetSecondFactor(request.ctx, request.params.id);
      return { ok: true as const };
    },
  });

  app.get('/api/role-assignments/pending', {
    config: { access: { roles: ['regional_lead', 'national_lead'], data: 'users' } },
    schema: { tags: ['users'], response: { 200: c.roleToConfirmList } },
    handler: async (request) => ({ items: await findRolesToConfirm(request.ctx) }),
  });

  app.post('/api/role-assignments/:id/confirm', {
    config: { access: { roles: ['regional_lead', 'national_lead'], data: 'users' } },
    schema: { tags: ['users'], params: c.idParams, response: { 200: c.ok, ...errors } },
    handler: async (request) => {
      await confirmRole(request.ctx, request.params.id);
      return { ok: true as const };
    },
  });

  app.get('/api/employers', {
    config: { access: { roles: ['administrator', 'national_lead', 'regional_lead'], data: 'organisation' } },
    schema: { tags: ['users'], response: { 200: c.employerList } },
    handler: async (request) => ({ items: await findEmployers(request.ctx) }),
  });

  app.get('/api/audit', {
    config: { access: { roles: ['administrator'], data: 'audit-log' } },
    schema: { tags: ['audit'], querystring: c.auditQuery, response: { 200: c.auditList, ...errors } },
    handler: (request) => findAuditEvents(request.ctx, request.query),
  });
};
