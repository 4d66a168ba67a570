import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as c from '../../shared/contracts/index.ts';
import { findOutboxMessages } from '../../domain/notifications/index.ts';
import type { Database } from '../db/client.ts';

export const systemRoutes =
  (
    database: Database,
    version: string,
    { demoMode, withOutbox }: { demoMode: boolean; withOutbox: boolean },
  ): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/health', {
      config: { access: { public: 'health checks by load balancers' } },
      schema: { tags: ['system'], response: { 200: c.health, 503: c.health } },
      handler: async (_request, reply) => {
        const up = await database.ping().catch(() => false);
        return reply.status(up ? 200 : 503).send({
          status: up ? 'ok' : 'degraded',
          version,
          mode: demoMode ? 'demo' : 'production',
          database: { status: up ? 'ok' : 'down', kind: database.kind },
        });
      },
    });

    app.get('/api/jobs/failed', {
      config: { access: { roles: ['administrator'], data: 'jobs' } },
      schema: { tags: ['system'], response: { 200: c.failedJobList } },
      handler: async () => ({ items: await app.jobs.findFailed() }),
    });

    app.post('/api/jobs/:name/:id/retry', {
      config: { access: { roles: ['administrator'], data: 'jobs' } },
      schema: { tags: ['system'], params: c.jobParams, response: { 200: c.ok } },
      handler: async (request) => {
        await app.jobs.retry(request.params.name, request.params.id);
        return { ok: true as const };
      },
    });

    // Only where messages are not really sent: there the outbox is the only way to read them.
    if (withOutbox)
      app.get('/api/outbox', {
        config: { access: { roles: ['administrator'], data: 'outbox' } },
        schema: { tags: ['system'], response: { 200: c.outboxList } },
        handler: async (request) => ({ items: await findOutboxMessages(request.ctx) }),
      });
  };
