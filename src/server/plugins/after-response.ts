import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Ctx } from '../../domain/context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    afterResponse: ((ctx: Ctx) => Promise<unknown>)[];
  }
  interface FastifyInstance {
    /** Resolves when the work queued by answered requests has finished (tests, and a clean shutdown). */
    settle(): Promise<void>;
  }
}

/**
 * Work that must not change the answer or its timing (a password reset mail, whose existence must not show)
 * runs after the answer has been sent. Failures are logged without details; the caller already has its answer.
 */
export function runAfterResponse(request: FastifyRequest, task: (ctx: Ctx) => Promise<unknown>) {
  request.afterResponse.push(task);
}

export const afterResponsePlugin = fp(async (app: FastifyInstance) => {
  const running = new Set<Promise<unknown>>();
  app.decorateRequest('afterResponse', null as unknown as []);
  app.addHook('onRequest', async (request) => {
    request.afterResponse = [];
  });
  app.addHook('onResponse', async (request) => {
    for (const task of request.afterResponse) {
      // On the next turn of the event loop, so the answer is on its way first (the embedded database runs
      // on this thread and would otherwise hold it up).
      const run = new Promise((resolve) => setImmediate(resolve))
        .then(() => task(request.ctx))
        .catch((error: unknown) =>
          request.log.error({ err: { type: (error as Error)?.name } }, 'work after the answer failed'),
        )
        .finally(() => running.delete(run));
      running.add(run);
    }
  });
  app.decorate('settle', async () => {
    // onResponse hooks run just after the answer is out; give them a turn to queue their work first.
    await new Promise((resolve) => setImmediate(resolve));
    while (running.size) await Promise.all([...running]);
  });
  app.addHook('onClose', async () => app.settle());
});
