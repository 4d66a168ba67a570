import { z } from 'zod';
import { isoDateTime } from './common.ts';

export const outboxMessage = z.object({
  id: z.number().int(),
  channel: z.enum(['email', 'sms']),
  recipient: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  createdAt: isoDateTime,
});
export const outboxList = z.object({ items: z.array(outboxMessage) });
