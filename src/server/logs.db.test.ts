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
  expect(log).toContain(login.headers['x-request-id']);
  for (const secret of [
    'secret-token-value-123',
    'coach@demo.opstap.nl',
    'opstap-demo',
    login.cookies[0]!.value,
  ])
    expect(log).not.toContain(secret);
});
