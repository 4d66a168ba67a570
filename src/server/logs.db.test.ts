import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { loadDemoData } from './db/demo-data.ts';
import { loadReferenceData } from './db/reference-data.ts';
import { createTestDatabase, origin } from './testing/test-app.ts';

const database = await createTestDatabase();
afterAll(() => database.dispose());

it('logs hold request ids, routes and status codes, but no tokens, e-mail addresses, passwords or cookies', async () => {
  await loadReferenceData(database.db);
  await loadDemoData(database.db);
  const lines: string[] = [];
  const app = await buildApp({
    database,
    publicUrl: origin,
    webRoot: '/nonexistent',
    logLevel: 'info',
    logStream: { write: (line) => lines.push(line) },
  });
  await app.inject({ method: 'GET', url: '/api/auth/invitation?token=secret-token-value-123' });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin },
    payload: { email: 'coach@demo.opstap.nl', password: 'opstap-demo' },
  });
  const cookie = `opstap_session=${login.cookies[0]!.value}`;
  await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
  await app.close();

  const log = lines.join('\n');
  expect(log).toContain('/api/auth/invitation');
  // The request log line of a signed-in request says who made it, by id.
  const meLine = lines.find((l) => l.includes('"statusCode":200') && l.includes('"userId"'));
  expect(meLine).toBeDefined();
  expect(log).toContain(login.headers['x-request-id']);
  for (const secret of [
    'secret-token-value-123',
    'coach@demo.opstap.nl',
    'opstap-demo',
    login.cookies[0]!.value,
  ])
    expect(log).not.toContain(secret);
});

it('a failing query logs its SQLSTATE and constraint, never the statement or its parameters', async () => {
  const lines: string[] = [];
  const app = await buildApp({
    database,
    publicUrl: origin,
    webRoot: '/nonexistent',
    logLevel: 'info',
    logStream: { write: (line) => lines.push(line) },
  });
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin },
    payload: { email: 'coach@demo.opstap.nl', password: 'opstap-demo' },
  });
  const headers = { cookie: `opstap_session=${login.cookies[0]!.value}`, origin };
  const caseload = (await app.inject({ method: 'GET', url: '/api/caseload', headers })).json();
  const trajectoryId = (caseload.items as { trajectoryId: string }[])[0]!.trajectoryId;
  const note = (body: string) =>
    app.inject({
      method: 'POST',
      url: `/api/trajectories/${trajectoryId}/notes`,
      headers,
      payload: { body, visibility: 'team' },
    });

  // A constraint the database refuses (bad data: 400), and a failure that is our fault (500).
  await database.db.execute(sql`alter table note add constraint no_secrets check (body not like '%geheim%')`);
  const refused = await note('gezondheid: depressie, geheim');
  expect(refused.statusCode).toBe(400);
  await database.db.execute(sql`alter table note drop constraint no_secrets`);
  await database.db.execute(sql`alter table note add column must_have int not null default 0`);
  await database.db.execute(sql`alter table note alter column must_have drop default`);
  const broken = await note('gezondheid: depressie');
  expect(broken.statusCode).toBe(500);
  expect(broken.json().error.code).toBe('server.error');
  await database.db.execute(sql`alter table note drop column must_have`);
  await app.close();

  const log = lines.join('\n');
  expect(log).toContain('"sqlState":"23514"');
  expect(log).toContain('"constraint":"no_secrets"');
  expect(log).toContain('"sqlState":"23502"');
  expect(log).toContain(broken.headers['x-request-id']);
  for (const leak of ['depressie', 'geheim', 'insert into', 'Failed query', 'params'])
    expect(log.toLowerCase()).not.toContain(leak.toLowerCase());
});
