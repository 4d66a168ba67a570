import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../shared/contracts/index.ts';
import { sessionTimeouts } from '../../shared/limits.ts';
import {
  beginSecondFactorSetup,
  confirmSecondFactor,
  endMySession,
  endSessionByToken,
  findMySessions,
  getInvitation,
  getMe,
  login,
  nextStep,
  requestPasswordReset,
  setPreferredLanguage,
  useOneTimeLink,
  verifySecondFactor,
} from '../../domain/access/index.ts';
import { SESSION_COOKIE } from '../plugins/access.ts';

const login401 = { 400: c.errorResponse, 401: c.errorResponse, 429: c.errorResponse };

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: sessionTimeouts.absolute,
  });
}

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/auth/login', {
    config: { access: { public: 'signing in' } },
    schema: { tags: ['auth'], body: c.loginRequest, response: { 200: c.loginResponse, ...login401 } },
    handler: async (request, reply) => {
      const result = await login(request.ctx, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        previousToken: request.cookies[SESSION_COOKIE],
      });
      setSessionCookie(request, reply, result.token);
      return { next: result.next };
    },
  });

  app.post('/api/auth/logout', {
    config: { access: { roles: 'any', data: 'own-account', beforeSecondFactor: true } },
    schema: { tags: ['auth'], response: { 200: c.ok } },
    handler: async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await endSessionByToken(request.ctx.db, token, request.ctx.clock());
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  app.get('/api/auth/me', {
    config: { access: { roles: 'any', data: 'own-account', beforeSecondFactor: true } },
    schema: { tags: ['auth'], response: { 200: c.me } },
    handler: (request) => getMe(request.ctx, request.session!.stage),
  });

  app.put('/api/auth/me/language', {
    config: { access: { roles: 'any', data: 'own-account' } },
    schema: { tags: ['auth'], body: c.languageRequest, response: { 200: c.ok } },
    handler: async (request) => {
      await setPreferredLanguage(request.ctx, request.body.language);
      return { ok: true as const };
    },
  });

  app.post('/api/auth/totp/setup', {
    config: { access: { roles: 'any', data: 'own-account', beforeSecondFactor: true } },
    schema: { tags: ['auth'], response: { 200: c.totpSetupResponse } },
    handler: (request) => beginSecondFactorSetup(request.ctx),
  });

  app.post('/api/auth/totp/confirm', {
    config: { access: { roles: 'any', data: 'own-account', beforeSecondFactor: true } },
    schema: {
      tags: ['auth'],
      body: c.totpVerifyRequest,
      response: { 200: c.loginResponse, 400: c.errorResponse },
    },
    handler: async (request) => {
      await confirmSecondFactor(request.ctx, request.body.code);
      return { next: 'done' as const };
    },
  });

  app.post('/api/auth/totp/verify', {
    config: { access: { roles: 'any', data: 'own-account', beforeSecondFactor: true } },
    schema: {
      tags: ['auth'],
      body: c.totpVerifyRequest,
      response: { 200: c.loginResponse, 400: c.errorResponse },
    },
    handler: async (request) => {
      await verifySecondFactor(request.ctx, request.body.code);
      return { next: 'done' as const };
    },
  });

  app.get('/api/auth/sessions', {
    config: { access: { roles: 'any', data: 'own-account' } },
    schema: { tags: ['auth'], response: { 200: c.sessionList } },
    handler: async (request) => ({ items: await findMySessions(request.ctx) }),
  });

  app.delete('/api/auth/sessions/:id', {
    config: { access: { roles: 'any', data: 'own-account' } },
    schema: { tags: ['auth'], params: c.sessionParams, response: { 200: c.ok, 404: c.errorResponse } },
    handler: async (request) => {
      await endMySession(request.ctx, request.params.id);
      return { ok: true as const };
    },
  });

  app.post('/api/auth/password-reset', {
    config: { access: { public: 'asking for a password reset link' } },
    schema: { tags: ['auth'], body: c.passwordResetRequest, response: { 200: c.ok } },
    handler: async (request) => {
      await requestPasswordReset(request.ctx, request.body.email);
      return { ok: true as const };
    },
  });

  app.post('/api/auth/password-reset/complete', {
    config: { access: { public: 'using a password reset link' } },
    schema: {
      tags: ['auth'],
      body: c.passwordResetComplete,
      response: { 200: c.ok, 400: c.errorResponse, 410: c.errorResponse },
    },
    handler: async (request) => {
      await useOneTimeLink(request.ctx, { ...request.body, kind: 'password_reset', userAgent: null });
      return { ok: true as const };
    },
  });

  app.get('/api/auth/invitation', {
    config: { access: { public: 'opening an invitation link' } },
    schema: {
      tags: ['auth'],
      querystring: c.tokenQuery,
      response: { 200: c.tokenStatus, 400: c.errorResponse, 410: c.errorResponse },
    },
    handler: (request) => getInvitation(request.ctx, request.query.token),
  });

  app.post('/api/auth/invitation/accept', {
    config: { access: { public: 'accepting an invitation' } },
    schema: {
      tags: ['auth'],
      body: c.invitationAccept,
      response: { 200: c.loginResponse, 400: c.errorResponse, 410: c.errorResponse },
    },
    handler: async (request, reply) => {
      const started = await useOneTimeLink(request.ctx, {
        ...request.body,
        kind: 'invitation',
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(request, reply, started!.token);
      return { next: nextStep(started!.stage) };
    },
  });
};
