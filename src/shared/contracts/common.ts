import { z } from 'zod';
import { limits } from '../limits.ts';
import { locales } from '../locales.ts';
import { containsBsn } from '../bsn.ts';
import { isPhoneNumber, tidyPhoneNumber } from '../phone.ts';

/**
 * A module's error codes, each with its HTTP status and a plain English message for API clients (the web app
 * shows its own translation, `errors.<code>`). A code is `<module>.<what>` and never changes once released.
 */
export const defineErrors = <const T extends Record<string, { status: number; message: string }>>(
  errors: T,
) => errors;

export const id = z.uuid();
/** A stable lower-case key (`meeting`, `step_overdue`): kinds that modules add to shared views. */
export const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'a lower-case key like step_overdue');
export const idParams = z.strictObject({ id });
/*
 * The shared field types. Build every request field from these (or from an enum or a strict pattern), so a new
 * field is safe by construction: PostgreSQL refuses NUL in text and lone surrogates in JSON, and Opstap may
 * never store a BSN.
 */

/** C0 and C1 control characters except tab and newline (carriage returns become newlines first). */
const controlCharacter = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** Half of a UTF-16 surrogate pair without its other half: not a character, and not storable as JSON. */
const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const noBsn = { message: 'privacy.bsn_refused' } as const; // the message is the error code the API answers with
const hasNoBsn = (value: string) => !containsBsn(value);

/**
 * Text as people type it: line endings become `\n`, NFC-normalised and trimmed; refuses control characters
 * (other than tab and newline) and unpaired surrogates.
 */
const text = (max: number) =>
  z
    .string()
    .overwrite((value) => value.replace(/\r\n?/g, '\n').normalize('NFC').trim())
    .refine((value) => !controlCharacter.test(value), 'contains a control character')
    .refine((value) => !unpairedSurrogate.test(value), 'contains an unpaired surrogate (broken character)')
    .max(max);

/** Free text that is stored: the text rules, and never a BSN. */
export const shortText = text(limits.shortText).refine(hasNoBsn, noBsn);
export const longText = text(limits.longText).refine(hasNoBsn, noBsn);
/** What someone types in a search box (every `q=`): the text rules, at most 100 characters, no BSN. */
export const searchText = text(100).refine(hasNoBsn, noBsn);

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
export const dateRange = { min: '1900-01-01', max: '2100-12-31' } as const;
/** A real calendar date (2026-02-30 is refused) between 1900 and 2100, written YYYY-MM-DD. */
export const isoDate = z.iso
  .date({ error: 'not a real date (YYYY-MM-DD)' })
  .refine(
    (value) => !datePattern.test(value) || (value >= dateRange.min && value <= dateRange.max),
    `must be between ${dateRange.min} and ${dateRange.max}`,
  );

const emailAddress = z.regexes.email;
const emailText = z
  .string()
  .overwrite((value) => value.trim().toLowerCase())
  .max(limits.email);
/** An e-mail address, trimmed and lower-cased; a BSN as the name part (111222333@…) is refused. */
export const email = emailText
  .refine((value) => emailAddress.test(value), 'not an e-mail address')
  .refine(hasNoBsn, noBsn)
  .meta({ format: 'email' });
/** An e-mail address, or an empty string for none. */
export const optionalEmail = emailText
  .refine((value) => value === '' || emailAddress.test(value), 'not an e-mail address')
  .refine(hasNoBsn, noBsn);

/** A phone number (see `isPhoneNumber`), or an empty string for none. */
export const phone = z
  .string()
  .overwrite(tidyPhoneNumber)
  .max(30)
  .refine(
    (value) => value === '' || isPhoneNumber(value),
    'not a phone number: a Dutch number has 10 digits (06 12345678), a foreign one starts with + and the country code',
  )
  .refine(hasNoBsn, noBsn);

/** An ESCO occupation or skill, or an ISCO-08 group, by its URI (as in data/esco). */
export const escoUri = z
  .string()
  .trim()
  .regex(
    /^http:\/\/data\.europa\.eu\/esco\/(?:(?:occupation|skill)\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|isco\/C\d{1,4})$/,
    'an ESCO URI like http://data.europa.eu/esco/occupation/…',
  );
/** A KvK (Chamber of Commerce) number: 8 digits. */
export const kvkNumber = z
  .string()
  .trim()
  .regex(/^\d{8}$/, 'a KvK number of 8 digits');
/**
 * The id of a record of any kind, as the audit log holds it (a UUID, a CBS code, `GET /api/…` for a request):
 * printable ASCII only.
 */
export const recordKey = z
  .string()
  .trim()
  .regex(/^[\x20-\x7e]{1,100}$/, 'an id: ASCII letters, digits, spaces and punctuation');
/** A one-time secret from a link (URL-safe base64). */
export const linkToken = z.string().regex(/^[A-Za-z0-9_-]{10,200}$/, 'a link code');
export const isoDateTime = z.iso.datetime({ offset: true });
/** A wall-clock time in Dutch time, `HH:MM` (24 hours). */
export const clockTime = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, 'a time like 09:30');
export const locale = z.enum(locales);
export const cbsCode = z.string().regex(/^GM\d{4}$/, 'a CBS code like GM0363');

export const ok = z.object({ ok: z.literal(true) });

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(limits.maxPageSize).default(limits.pageSize),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

/** The schemas of one endpoint: what it takes in the path, the query string and the body, and what it answers. */
export type EndpointSchemas = {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
};
type InputOf<S> = S extends z.ZodType ? z.input<S> : undefined;

/**
 * One endpoint as types, from its contract's schemas: the request as a caller writes it (before the server's
 * defaults and coercions) and the answer as the server sends it. Types only, so a client built from these keeps
 * Zod out of its bundle: `Endpoint<{ params: typeof idParams; response: typeof plan }>`.
 */
export type Endpoint<S extends EndpointSchemas> = {
  params: InputOf<S['params']>;
  query: InputOf<S['query']>;
  body: InputOf<S['body']>;
  response: z.output<S['response']>;
};
