import { z } from 'zod';
import { errorCodes } from '../errors.ts';
import { limits } from '../limits.ts';
import { locales } from '../locales.ts';
import { containsBsn } from '../bsn.ts';

export const errorResponse = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;

export const id = z.uuid();
export const idParams = z.strictObject({ id });
/** Free text never holds a BSN; the message is an error code the API answers with. */
const withoutBsn = (schema: z.ZodString) =>
  schema.refine((value) => !containsBsn(value), { message: 'privacy.bsn_refused' });
export const shortText = withoutBsn(z.string().trim().max(limits.shortText));
export const longText = withoutBsn(z.string().trim().max(limits.longText));
export const email = z
  .email()
  .max(limits.email)
  .transform((value) => value.trim().toLowerCase());
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });
export const locale = z.enum(locales);
export const cbsCode = z.string().regex(/^GM\d{4}$/, 'a CBS code like GM0363');

export const ok = z.object({ ok: z.literal(true) });

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(limits.maxPageSize).default(limits.pageSize),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });
