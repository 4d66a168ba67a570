// What one request costs the database, counted on the real database (#8 "lean requests"): the session and roles
// in one query and only for routes that need them, the access check inside the participant query, and a write
// that answers from its own transaction with one audit line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmail } from './testing/test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let coach: Awaited<ReturnType<typeof t.loginAs>>;
let participantId: string;
beforeAll(async () => {
  t = await createTestApp();
  coach = await t.loginAs(demoEmail('coach'));
  const list = await t.app.inject({ method: 'GET', url: '/api/participants', headers: coach });
  participantId = list.json().items[0].id;
});
afterAll(() => t.close());

/** The SQL statements one request sends (transaction control not included), and its answer. */
async function statementsOf(request: {
  method: 'GET' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  payload?: object;
}) {
  const seen: string[] = [];
  const stop = t.database.onQuery((sql) => seen.push(sql));
  const response = await t.app.inject(request);
  stop();
  const statements = seen.filter((sql) => !/^(begin|commit|rollback)/i.test(sql));
  return {
    response,
    statements: statements.length,
    auditLines: statements.filter((sql) => sql.startsWith('insert into "audit_event"')).length,
  };
}

describe('statements per request', () => {
  it('reads the participant file in 3 statements (session, file, audit line)', async () => {
    const file = await statementsOf({
      method: 'GET',
      url: `/api/participants/${participantId}`,
      headers: coach,
    });
    expect(file.response.statusCode).toBe(200);
    expect(file.statements).toBeLessThanOrEqual(3);
    expect(file.auditLines).toBe(1);
  });

  it('saves a profile in at most 10 statements and answers with the file, with one audit line', async () => {
    const before = await t.app.inject({
      method: 'GET',
      url: `/api/participants/${participantId}`,
      headers: coach,
    });
    const save = await statementsOf({
      method: 'PATCH',
      url: `/api/participants/${participantId}`,
      headers: coach,
      payload: { version: before.json().file.version, phone: '0612345678' },
    });
    expect(save.response.statusCode).toBe(200);
    expect(save.response.json().file.phone).toBe('0612345678');
    expect(save.statements).toBeLessThanOrEqual(10);
    expect(save.auditLines).toBe(1);
  });

  it('searches in 3 statements (session, the page with its count, audit line)', async () => {
    const search = await statementsOf({ method: 'GET', url: '/api/participants?q=a', headers: coach });
    expect(search.response.statusCode).toBe(200);
    expect(search.response.json().total).toBeGreaterThan(0);
    expect(search.statements).toBeLessThanOrEqual(3);
    expect(search.auditLines).toBe(1);
  });

  it('resolves session and roles in one statement for a signed-in route', async () => {
    const me = await statementsOf({ method: 'GET', url: '/api/auth/me', headers: coach });
    expect(me.response.statusCode).toBe(200);
    expect(me.statements).toBeLessThanOrEqual(3);
  });

  it('spends no statement on a public route or a page of the web app, even with a session cookie', async () => {
    for (const url of ['/participants/some-page', '/assets/missing.js', '/api/openapi.json']) {
      const request = await statementsOf({ method: 'GET', url, headers: coach });
      expect(request.statements, url).toBe(0);
    }
  });
});
