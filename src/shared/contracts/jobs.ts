import { z } from 'zod';
import { isoDateTime } from './common.ts';

/** A job that failed all its tries. `reason` is a code, never a message (messages can hold personal data). */
export const failedJob = z.object({
  id: z.uuid(),
  name: z.string(),
  failedAt: isoDateTime,
  tries: z.number().int(),
  reason: z.string(),
});
export const failedJobList = z.object({ items: z.array(failedJob) });
export const jobParams = z.strictObject({
  name: z.string().regex(/^[a-z]+(\.[a-z-]+)+$/, 'a job name like access.password-reset'),
  id: z.uuid(),
});
