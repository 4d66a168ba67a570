// Hostile input, generated from the contracts: every string field of every route's body, query and path gets
// a NUL, a lone surrogate and (for dates) an impossible year, and every free-text, phone and e-mail field gets
// the look-alikes of a BSN. Each must be refused with a 400 that names the field, never a 5xx.
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../shared/roles.ts';
import { jobApplication } from '../domain/trajectories/trajectories.table.ts';
import type { Access } from './plugins/access.ts';
import { createTestApp, demoEmail, origin } from './testing/test-app.ts';

/** Routes whose input the generator may skip, each with the reason. Keep this short. */
const notGenerated: Record<string, string> = {};

type Part = 'body' | 'querystring' | 'params';
const parts: Part[] = ['body', 'querystring', 'params'];

// ---- walking a Zod schema -------------------------------------------------------------------------------
type Def = {
  type: string;
  shape?: Record<string, Schema>;
  innerType?: Schema;
  element?: Schema;
  options?: Schema[];
  in?: Schema;
  entries?: Record<string, string | number>;
  values?: unknown[];
};
type Schema = { _zod: { def: Def }; safeParse(value: unknown): { success: boolean } };
type Step = { key: string } | { index: 0 } | { option: number };
type Leaf = { steps: Step[]; schema: Schema; name: string };

const wrappers = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);
/** Types that hold no string; any other type the walker does not know stops the test, so no field is skipped. */
const noStrings = new Set(['number', 'int', 'bigint', 'boolean', 'null', 'undefined', 'void', 'nan', 'date']);

/** Every string-valued field (text, dates, codes, enums) with the path to reach it. */
function leaves(schema: Schema, steps: Step[] = [], name = ''): Leaf[] {
  const def = schema._zod.def;
  if (wrappers.has(def.type)) return leaves(def.innerType!, steps, name);
  if (def.type === 'pipe') return leaves(def.in!, steps, name);
  if (def.type === 'object')
    return Object.entries(def.shape!).flatMap(([key, child]) => leaves(child, [...steps, { key }], key));
  if (def.type === 'array') return leaves(def.element!, [...steps, { index: 0 }], name);
  if (def.type === 'union')
    return def.options!.flatMap((option, i) => leaves(option, [...steps, { option: i }], name));
  if (def.type === 'string') return [{ steps, schema, name }];
  if (def.type === 'enum' && Object.values(def.entries!).some((v) => typeof v === 'string'))
    return [{ steps, schema, name }];
  if (def.type === 'literal' && def.values!.some((v) => typeof v === 'string'))
    return [{ steps, schema, name }];
  if (noStrings.has(def.type) || def.type === 'enum' || def.type === 'literal') return [];
  throw new Error(`the generator cannot walk a "${def.type}" (field "${name}"): teach it`);
}

const fieldName = (part: Part, steps: Step[]) =>
  [part, ...steps.flatMap((s) => ('key' in s ? [s.key] : 'index' in s ? ['0'] : []))].join('.');

/** Values that some field type accepts; a field gets the first its schema takes. */
const genericValues: unknown[] = [
  'Gewoon wat tekst',
  '2026-03-01',
  'hostile-test@example.org',
  '0612345678',
  'GM0344',
  'nl',
  'SY',
  'http://data.europa.eu/esco/occupation/f2cc5978-e45c-4f28-b859-7f89221b0505',
  '0123456789abcdef',
  '123456',
  'Abcdefghij_klmnopqrstuvwxyz-0123456789ABCDEF',
  'access.password-reset',
  '09:30',
  'https://meet.example.org/opstap',
  1,
  5,
  30,
  0,
  false,
];
let known: Record<string, unknown> = {};

function sample(schema: Schema, name: string): unknown {
  const def = schema._zod.def;
  const candidates = [
    known[name],
    ...(def.type === 'enum' ? Object.values(def.entries!) : []),
    ...(def.type === 'literal' ? def.values! : []),
    ...(def.type === 'string' && /id$/i.test(name) ? [randomUUID()] : []),
    ...genericValues,
    randomUUID(),
  ];
  const found = candidates.find((value) => value !== undefined && schema.safeParse(value).success);
  if (found === undefined) throw new Error(`no value fits the field "${name}"`);
  return found;
}

/**
 * The smallest valid value of a schema (optional fields left out), or, with a target, that value with the
 * target's field set (its optional parents included).
 */
function build(schema: Schema, target?: { steps: Step[]; value: unknown }, name = ''): unknown {
  const def = schema._zod.def;
  const [step, ...rest] = target?.steps ?? [];
  const inner = target && { steps: target.steps, value: target.value };
  if (def.type === 'optional' || def.type === 'default' || def.type === 'prefault')
    return target ? build(def.innerType!, inner, name) : undefined;
  if (def.type === 'nullable') return target ? build(def.innerType!, inner, name) : null;
  if (wrappers.has(def.type)) return build(def.innerType!, inner, name);
  if (def.type === 'pipe') return build(def.in!, inner, name);
  if (def.type === 'object') {
    const value: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(def.shape!)) {
      const childTarget =
        step && 'key' in step && step.key === key ? { steps: rest, value: target!.value } : undefined;
      const built = build(child, childTarget, key);
      if (built !== undefined) value[key] = built;
    }
    return value;
  }
  if (def.type === 'array') {
    if (target) return [build(def.element!, { steps: rest, value: target.value }, name)];
    return schema.safeParse([]).success ? [] : [build(def.element!, undefined, name)];
  }
  if (def.type === 'union') {
    if (step && 'option' in step)
      return build(def.options![step.option]!, { steps: rest, value: target!.value }, name);
    const option = def.options!.find((o) => o.safeParse(build(o, undefined, name)).success);
    if (!option) throw new Error(`no option of the union "${name}" can be built`);
    return build(option, undefined, name);
  }
  if (target) return target.value;
  return sample(schema, name);
}

// ---- the cases ------------------------------------------------------------------------------------------
type RouteInput = {
  route: string;
  method: string;
  url: string;
  access: Access;
  schemas: Partial<Record<Part, Schema>>;
};
type Case = {
  route: RouteInput;
  part: Part;
  field: string;
  what: string;
  value: unknown;
  steps: Step[];
  /** Passwords may hold any character and are never stored: only "no 5xx" is asked of them. */
  isSecret: boolean;
  expectCode: 'request.invalid' | 'privacy.bsn_refused';
};

const isText = (leaf: Leaf) =>
  leaf.schema.safeParse('Zoë werkt graag in de zorg').success && !/password/i.test(leaf.name);
const isDate = (leaf: Leaf) =>
  leaf.schema.safeParse('2026-03-01').success && !leaf.schema.safeParse('abcdefghijk').success;
const takesWords = (leaf: Leaf) => leaf.schema.safeParse('Zoe belt').success;
const isPhone = (leaf: Leaf) => leaf.schema.safeParse('06 12345678').success && !takesWords(leaf);
const isEmail = (leaf: Leaf) => leaf.schema.safeParse('hana@example.org').success && !takesWords(leaf);

const bsnLookAlikes: Record<string, string> = {
  'double spaces': '111  222  333',
  'non-breaking spaces': '111\u00a0222\u00a0333',
  'ideographic spaces': '111\u3000222\u3000333',
  slashes: '111/222/333',
  underscores: '111_222_333',
  'en dashes': '111\u2013222\u2013333',
  'minus signs': '111\u2212222\u2212333',
  'zero-width spaces': '111\u200b222\u200b333',
  'Arabic-Indic digits': '\u0661\u0661\u0661\u0662\u0662\u0662\u0663\u0663\u0663',
  'Extended Arabic-Indic digits': '\u06f1\u06f1\u06f1\u06f2\u06f2\u06f2\u06f3\u06f3\u06f3',
  'full-width digits': '\uff11\uff11\uff11\uff12\uff12\uff12\uff13\uff13\uff13',
};

/** Every route with input, from the access table (which keeps each route's schemas). */
function routeInputs(
  accessTable: { method: string; url: string; access: Access; input: Partial<Record<Part, unknown>> }[],
) {
  const byRoute = new Map<string, RouteInput>();
  for (const { method, url, access, input } of accessTable) {
    if (method === 'HEAD' || !url.startsWith('/api/')) continue;
    const schemas: RouteInput['schemas'] = {};
    for (const part of parts) if (input[part]) schemas[part] = input[part] as Schema;
    if (Object.keys(schemas).length)
      byRoute.set(`${method} ${url}`, { route: `${method} ${url}`, method, url, access, schemas });
  }
  return [...byRoute.values()];
}

function casesFor(input: RouteInput) {
  const cases: Case[] = [];
  for (const part of parts) {
    const schema = input.schemas[part];
    if (!schema) continue;
    const seen = new Set<string>();
    for (const leaf of leaves(schema)) {
      const field = fieldName(part, leaf.steps);
      if (seen.has(field)) continue; // the same field in several options of a union
      seen.add(field);
      const valid = sample(leaf.schema, leaf.name);
      const isSecret = /password/i.test(leaf.name);
      const add = (what: string, value: unknown, expectCode: Case['expectCode'] = 'request.invalid') =>
        cases.push({ route: input, part, field, what, value, steps: leaf.steps, isSecret, expectCode });
      add('NUL', `${String(valid)}\u0000`);
      // A lone surrogate cannot be written in a URL (it is not UTF-8); JSON carries it.
      if (part === 'body') add('lone surrogate', `${String(valid)}\ud800`);
      if (isDate(leaf)) {
        add('year 0', '0000-01-01');
        add('year 9999', '9999-12-31');
        add('30 February', '2026-02-30');
      }
      if (part === 'params') continue;
      for (const [form, number] of Object.entries(bsnLookAlikes)) {
        if (isText(leaf)) add(`BSN with ${form}`, `Klant ${number} aangemeld`, 'privacy.bsn_refused');
        else if (isPhone(leaf)) add(`BSN with ${form}`, number, 'privacy.bsn_refused');
        else if (isEmail(leaf)) add(`BSN with ${form}`, `${number}@example.org`, 'privacy.bsn_refused');
      }
    }
  }
  return cases;
}

// ---- the app --------------------------------------------------------------------------------------------
let t: Awaited<ReturnType<typeof createTestApp>>;
type Headers = { cookie?: string; origin: string };
const demoAccounts: [Role, string][] = [
  ['coach', 'coach'],
  ['regional_lead', 'regional'],
  ['national_lead', 'national'],
  ['administrator', 'admin'],
  ['municipality_staff', 'municipality'],
  ['participant', 'participant'],
];
const as = new Map<Role, Headers>();
let pathValues: Record<string, string> = {};
let inputs: RouteInput[] = [];
const cases: Case[] = [];
const unbuildable: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await logInAll();
  const get = async <T>(url: string, role: Role) =>
    (await t.app.inject({ method: 'GET', url, headers: as.get(role)! })).json() as T;

  // Real records in the callers' scope, so a value that slipped through would reach the database.
  const caseload = await get<{ items: { participantId: string; trajectoryId: string }[] }>(
    '/api/caseload',
    'coach',
  );
  const mine = caseload.items[0]!;
  const plan = await get<{ steps?: { id: string }[] }>(
    `/api/trajectories/${mine.trajectoryId}/plan`,
    'coach',
  );
  const [application] = await t.db
    .select({ id: jobApplication.id, trajectoryId: jobApplication.trajectoryId })
    .from(jobApplication)
    .where(
      inArray(
        jobApplication.trajectoryId,
        caseload.items.map((i) => i.trajectoryId),
      ),
    )
    .limit(1);
  const partnerships = await get<{ items: { id: string }[] }>('/api/partnerships', 'regional_lead');
  const users = await get<{ items: { id: string }[] }>('/api/users', 'administrator');
  const regions = await get<{ items: { id: string }[] }>('/api/regions', 'national_lead');
  const coaches = await get<{ items: { id: string }[] }>('/api/coaches', 'regional_lead');
  const sessions = await get<{ items: { id: string }[] }>('/api/auth/sessions', 'participant');
  pathValues = {
    '/api/participants/:id': mine.participantId,
    '/api/trajectories/:id': application?.trajectoryId ?? mine.trajectoryId,
    '/api/partnerships/:id': partnerships.items[0]!.id,
    '/api/users/:id': users.items[0]!.id,
    '/api/auth/sessions/:id': sessions.items[0]!.id,
    '/api/municipalities/:code': 'GM0344',
    ':stepId': plan.steps?.[0]?.id ?? randomUUID(),
    ':applicationId': application?.id ?? randomUUID(),
  };
  known = { regionId: regions.items[0]!.id, coachId: coaches.items[0]!.id, municipalityCode: 'GM0344' };

  inputs = routeInputs(t.app.accessTable);
  for (const input of inputs) {
    try {
      for (const part of parts) {
        const schema = input.schemas[part];
        if (schema && !schema.safeParse(baseOf(input, part)).success)
          throw new Error(`the ${part} built is not valid`);
      }
      cases.push(...casesFor(input));
    } catch (error) {
      if (!(input.route in notGenerated)) unbuildable.push(`${input.route}: ${(error as Error).message}`);
    }
  }
}, 60_000);
afterAll(() => t.close());

/** A valid value of one part of a route's request; path ids are real records where the route has them. */
function baseOf(input: RouteInput, part: Part, target?: { steps: Step[]; value: unknown }) {
  const schema = input.schemas[part]!;
  if (part !== 'params' || target) return build(schema, target);
  const params = build(schema) as Record<string, string>;
  for (const key of Object.keys(params)) {
    const prefix = input.url.slice(0, input.url.indexOf(`:${key}`) + key.length + 1);
    const real = pathValues[prefix] ?? pathValues[`:${key}`];
    if (real) params[key] = real;
  }
  return params;
}

/** Someone who may call the route: its declared roles decide, so a refusal is never just "not for you". */
function callerFor(access: Access): Headers {
  if ('public' in access) return { origin };
  if (access.roles === 'any') return as.get('participant')!;
  const role = demoAccounts.map(([r]) => r).find((r) => (access.roles as readonly Role[]).includes(r));
  if (!role) throw new Error(`no demo account has one of the roles ${access.roles.join(', ')}`);
  return as.get(role)!;
}

function requestFor(c: Case) {
  const input = c.route;
  const values = Object.fromEntries(
    parts
      .filter((part) => input.schemas[part])
      .map((part) => [
        part,
        baseOf(input, part, part === c.part ? { steps: c.steps, value: c.value } : undefined),
      ]),
  ) as Partial<Record<Part, Record<string, unknown>>>;
  let url = input.url;
  for (const [key, value] of Object.entries(values.params ?? {}))
    url = url.replace(`:${key}`, encodeURIComponent(String(value)));
  const query = new URLSearchParams(
    Object.entries(values.querystring ?? {}).map(([key, value]) => [key, String(value)]),
  ).toString();
  return {
    method: input.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: query ? `${url}?${query}` : url,
    headers: callerFor(input.access),
    ...(values.body !== undefined ? { payload: values.body } : {}),
  };
}

async function logInAll() {
  for (const [role, name] of demoAccounts) as.set(role, await t.loginAs(demoEmail(name)));
}

/**
 * Sends the case. Past the write throttle (hundreds of refused writes per account), the test clock moves on by the
 * wait it asks for, and everyone logs in again (their sessions went idle meanwhile) before the case is sent again.
 */
async function send(c: Case) {
  const response = await t.app.inject(requestFor(c));
  const error = response.statusCode === 429 ? response.json().error : undefined;
  if (error?.details?.what !== 'writes') return response;
  t.clock.advance((Number(error.details.retryAfterSeconds ?? 300) + 1) * 1000);
  await logInAll();
  return t.app.inject(requestFor(c));
}

type Answer = { statusCode: number; json(): { error?: { code?: string; details?: unknown } } };
function problemWith(c: Case, response: Answer) {
  const label = `${c.route.route} ${c.field} (${c.what}): ${response.statusCode}`;
  if (response.statusCode >= 500) return `${label} ${JSON.stringify(response.json())}`;
  if (c.isSecret) return response.statusCode >= 400 ? null : label;
  if (response.statusCode !== 400) return `${label} ${JSON.stringify(response.json())}`;
  const error = response.json().error;
  const fields = Array.isArray(error?.details)
    ? (error.details as { field?: string }[]).map((d) => d.field)
    : [];
  if (error?.code !== c.expectCode || !fields.includes(c.field))
    return `${label} ${error?.code} naming ${fields.join(', ') || 'no field'}`;
  return null;
}

describe('hostile input, generated from the contracts', () => {
  it('builds a request for every route that takes input', () => {
    expect(unbuildable).toEqual([]);
    expect(inputs.length).toBeGreaterThan(20);
    expect(cases.length).toBeGreaterThan(300);
    const covered = new Set(cases.map((c) => `${c.route.route} ${c.field} ${c.what}`));
    for (const expected of [
      'POST /api/trajectories/:id/notes body.body NUL',
      'POST /api/trajectories/:id/notes body.body BSN with Arabic-Indic digits',
      'POST /api/participants body.permitName lone surrogate',
      'POST /api/participants body.phone BSN with double spaces',
      'POST /api/participants body.email BSN with underscores',
      'PUT /api/trajectories/:id/plan body.goals.0.target lone surrogate',
      'PATCH /api/partnerships/:id body.contacts.0.phone BSN with slashes',
      'PATCH /api/partnerships/:id body.startsOn year 0',
      'PATCH /api/participants/:id body.workExperience.0.escoUri NUL',
      'POST /api/participants/:id/language-levels body.assessedOn year 0',
      'POST /api/trajectories/:id/applications body.followUpOn year 9999',
      'POST /api/auth/invitation/accept body.displayName BSN with zero-width spaces',
      'GET /api/participants querystring.q NUL',
      'GET /api/occupations querystring.q BSN with full-width digits',
      'GET /api/audit querystring.entityId NUL',
      'GET /api/audit querystring.to year 9999',
      'GET /api/audit querystring.from year 0',
      'PATCH /api/participants/:id params.id NUL',
    ])
      expect(covered, expected).toContain(expected);
  });

  it('refuses NUL, lone surrogates and impossible dates in every field with a 400 naming the field', async () => {
    const problems: string[] = [];
    const hostile = cases.filter((c) => c.expectCode === 'request.invalid' && !c.isSecret);
    expect(hostile.length).toBeGreaterThan(0);
    for (const c of hostile) {
      const problem = problemWith(c, await send(c));
      if (problem) problems.push(problem);
    }
    expect(problems).toEqual([]);
  });

  it('refuses a BSN look-alike in every free-text, phone and e-mail field', async () => {
    const problems: string[] = [];
    const bsn = cases.filter((c) => c.expectCode === 'privacy.bsn_refused' && !c.isSecret);
    expect(bsn.length).toBeGreaterThan(0);
    for (const c of bsn) {
      const problem = problemWith(c, await send(c));
      if (problem) problems.push(problem);
    }
    expect(problems).toEqual([]);
  });

  // Last: these are wrong passwords, and enough of them pause logins for the account.
  it('takes any character in a password without a 5xx', async () => {
    const problems: string[] = [];
    const secrets = cases.filter((c) => c.isSecret);
    expect(secrets.length).toBeGreaterThan(0);
    for (const c of secrets) {
      const problem = problemWith(c, await t.app.inject(requestFor(c)));
      if (problem) problems.push(problem);
    }
    expect(problems).toEqual([]);
  });
});
