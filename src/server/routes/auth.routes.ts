import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../shared/contracts/index.ts';
import { sessionTimeouts } from '../../shared/limits.ts';
import {
  beginSecondFactorSetup,
  changePassword,
  confirmSecondFactor,
  endMyOtherSessions,
  endMySession,
  logout,
  findMySessions,
  getInvitation,
  getMe,
  login,
  nextStep,
  reauthenticate,
  setPreferredLanguage,
  useOneTimeLink,
  verifySecondFactor,
} from '../../domain/access/index.ts';
import { sessionCookieName } from '../plugins/access.ts';

const login401 = { 400: c.errorResponse, 401: c.errorResponse, 429: c.errorResponse };
const reauth = { 400: c.errorResponse, 401: c.errorResponse, 403: c.errorResponse, 429: c.errorResponse };

/** Secure whenever the public address is https, also when a proxy in front did not say so. */
function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string) {
  const { publicUrl } = request.ctx;
  reply.setCookie(sessionCookieName(publicUrl), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: publicUrl.startsWith('https:') || request.protocol === 'https',
    maxAge: sessionTimeouts.absolute,
  });
}

const sessionToken = (request: FastifyRequest) => request.cookies[sessionCookieName(request.ctx.publicUrl)];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/api/auth/login', {
    config: { access: { public: 'signing in' } },
    schema: { tags: ['auth'], body: c.loginRequest, response: { 200: c.loginResponse, ...login401 } },
    handler: async (request, reply) => {
      const result = await login(request.ctx, {
        ...request.body,
        userAgent: request.headers['user-agent'] ?? null,
        previousToken: sessionToken(request),
      });
      setSessionCookie(request, reply, result.token);
      return { next: result.next };
    },
  });

  app.post('/api/auth/logout', {
    config: { access: { roles: 'any', data: 'own-account', beforeSecondFactor: true } },
    schema: { tags: ['auth'], response: { 200: c.ok } },
    handler: async (request, reply) => {
      const token = sessionToken(request);
      if (token) await logout(request.ctx, token);
      reply.clearCookie(sessionCookieName(request.ctx.publicUrl), { path: '/' });
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
    schema: { tags: ['auth'], response: { 200: c.totpSetupResponse, 403: c.errorResponse } },
    handler: (request) => beginSecondFactorSetup(request.ctx, request.session!.stage),
  });

  app.post('/api/auth/totp/confirm', {
    config: { access: { roles: 'any', data: 'own-account', beforeSecondFactor: true } },
    schema: {
      tags: ['auth'],
      body: c.totpConfirmRequest,
      response: {
        200: c.totpConfirmResponse,
        400: c.errorResponse,
        403: c.errorResponse,
        429: c.errorResponse,
      },
    },
    handler: async (request) => {
      const { recoveryCodes } = await confirmSecondFactor(request.ctx, {
        ...request.body,
        stage: request.session!.stage,
      });
      return { next: 'done' as const, recoveryCodes };
    },
  });

  app.post('/api/auth/totp/verify', {
    config: { access: { roles: 'any', data: 'own-account', beforeSecondFactor: true } },
    schema: {
      tags: ['auth'],
      body: c.totpVerifyRequest,
      response: { 200: c.loginResponse, 400: c.errorResponse, 429: c.errorResponse },
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
    schema: {
      tags: ['auth'],
      params: c.sessionParams,
      response: { 200: c.ok, 403: c.errorResponse, 404: c.errorResponse },
    },
    handler: async (request) => {
      await endMySession(request.ctx, request.params.id);
      return { ok: true as const };
    },
  });

  app.post('/api/auth/sessions/end-others', {
    config: { access: { roles: 'any', data: 'own-account' } },
    schema: { tags: ['auth'], response: { 200: c.sessionsEnded, 403: c.errorResponse } },
    handler: (request) => endMyOtherSessions(request.ctx),
  });

  app.post('/api/auth/reauthenticate', {
    config: { access: { roles: 'any', data: 'own-account' } },
    schema: { tags: ['auth'], body: c.reauthenticateRequest, response: { 200: c.ok, ...reauth } },
    handler: async (request) => {
      await reauthenticate(request.ctx, request.body);
      return { ok: true as const };
    },
  });

  app.post('/api/auth/password', {
    config: { access: { roles: 'any', data: 'own-account' } },
    schema: { tags: ['auth'], body: c.passwordChange, response: { 200: c.sessionsEnded, ...reauth } },
    handler: async (request) => ({ ended: (await changePassword(request.ctx, request.body)).endedSessions }),
  });

  app.post('/api/auth/password-reset', {
    config: { access: { public: 'asking for a password reset link' } },
    schema: { tags: ['auth'], body: c.passwordResetRequest, response: { 200: c.ok } },
    handler: async (request) => {
      // The same work for every address: a job looks it up later. The answer and its timing tell nothing.
      const { ctx } = request;
      await ctx.jobs.enqueue(ctx.db, 'access.password-reset', { email: request.body.email, ip: ctx.ip });
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
