import type { JobDefinition } from '../context.ts';
import { requestPasswordReset } from './one-time-links.ts';
import { pruneThrottleCounters } from './throttle.ts';

/** The access module's work outside requests. */
export const accessJobs: JobDefinition[] = [
  {
    // Added for every reset request, known address or not, so the answer and its timing tell nothing.
    name: 'access.password-reset',
    run: (ctx, data) =>
      requestPasswordReset({ ...ctx, ip: (data.ip as string | null) ?? null }, data.email as string),
    retries: 2,
  },
  {
    name: 'access.prune-throttle-counters',
    run: (ctx) => pruneThrottleCounters(ctx.db, ctx.clock()),
    schedule: '17 * * * *',
  },
];
