import { z } from 'zod';

export const health = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  /** Demo mode: demo data and logins with a published password; the web app shows a banner. */
  mode: z.enum(['demo', 'production']),
  database: z.object({ status: z.enum(['ok', 'down']), kind: z.enum(['pglite', 'postgres']) }),
});
