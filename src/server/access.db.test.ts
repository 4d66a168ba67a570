import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmail } from './testing/test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('route access', () => {
  it('every route declares its access, and the list is reviewed', () => {
    const table = t.app.accessTable
      .filter((r) => r.url.startsWith('/api') && r.method !== 'HEAD')
      .map(
        (r) =>
          `${r.method} ${r.url} → ${'public' in r.access ? `public (${r.access.public})` : `${r.access.roles === 'any' ? 'any signed-in user' : r.access.roles.join(', ')} [${r.access.data}]`}`,
      )
      .sort();
    expect(table).toMatchSnapshot();
  });

  it('only health, API docs, login, password reset and invitations are public', () => {
    const publicApi = t.app.accessTable
      .filter((r) => r.url.startsWith('/api') && 'public' in r.access)
      .map((r) => r.url)
      .filter((url) => !url.startsWith('/api/docs'));
    expect(new Set(publicApi)).toEqual(
      new Set([
        '/api/health',
        '/api/openapi.json',
        '/api/auth/login',
        '/api/auth/password-reset',
        '/api/auth/password-reset/complete',
        '/api/auth/invitation',
        '/api/auth/invitation/accept',
      ]),
    );
  });

  it('refuses a route without declared access when the app is built', async () => {
    const extra = await import('./app.ts');
    const { createTestDatabase } = await import('./testing/test-app.ts');
    const database = await createTestDatabase();
    const app = await extra.buildApp({
      database,
      publicUrl: 'http://x.test',
      logLevel: false,
      webRoot: '/nonexistent',
    });
    expect(() => app.get('/api/undeclared', () => 'x')).toThrow(/does not declare its access/);
    await app.close();
    await database.dispose();
  });

  it('outside /api only the files of the built web app are public; any other route must declare its access', async () => {
    const { mkdtempSync, mkdirSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const webRoot = mkdtempSync(`${tmpdir()}/opstap-web-`);
    mkdirSync(`${webRoot}/assets`);
    writeFileSync(`${webRoot}/index.html`, '<!doctype html><title>Opstap</title>');
    writeFileSync(`${webRoot}/assets/app-1234.js`, 'console.log(1)');
    const { brotliCompressSync } = await import('node:zlib');
    writeFileSync(`${webRoot}/assets/app-1234.js.br`, brotliCompressSync('console.log(1)'));
    const { buildApp } = await import('./app.ts');
    const app = await buildApp({
      database: t.database,
      publicUrl: 'http://x.test',
      logLevel: false,
      webRoot,
    });
    expect(() => app.get('/reports/participants.csv', () => 'x')).toThrow(/does not declare its access/);
    await app.ready();
    const files = app.accessTable.filter((r) => !r.url.startsWith('/api'));
    expect(files.map((r) => [r.url, r.access])).toEqual(
      expect.arrayContaining([['/assets/app-1234.js', { public: 'a file of the web app' }]]),
    );
    // A page of the single-page app is index.html; an unknown file is not served from anywhere else.
    expect((await app.inject({ method: 'GET', url: '/caseload' })).headers['content-type']).toMatch(/html/);
    const plain = await app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(plain.body).toBe('console.log(1)');
    // Hashed files are kept a year; a phone that accepts brotli gets the copy made at build time.
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const br = await app.inject({
      method: 'GET',
      url: '/assets/app-1234.js',
      headers: { 'accept-encoding': 'br, gzip' },
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.equals(brotliCompressSync('console.log(1)'))).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/caseload' })).headers['cache-control']).toBe('no-cache');
    const api = await app.inject({
      method: 'GET',
      url: '/api/openapi.json',
      headers: { 'accept-encoding': 'br' },
    });
    expect(api.headers['content-encoding']).toBe('br');
    await app.close();
  });

  it('asks for a login on protected routes', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/partnerships' });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('auth.unauthenticated');
  });

  it('refuses roles that are not listed', async () => {
    const participant = await t.loginAs(demoEmail('participant'));
    const list = await t.app.inject({ method: 'GET', url: '/api/partnerships', headers: participant });
    expect(list.statusCode).toBe(403);
    const coach = await t.loginAs(demoEmail('coach'));
    const users = await t.app.inject({ method: 'GET', url: '/api/users', headers: coach });
    expect(users.statusCode).toBe(403);
    expect(users.json().error.code).toBe('auth.forbidden');
  });

  it('publishes the OpenAPI contract with the access of each operation', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/partnerships'].get['x-access'].roles).toContain('regional_lead');
  });
});

describe('partnership scope', () => {
  it('a regional lead sees only partnerships in their own region', async () => {
    const lead = await t.loginAs(demoEmail('regional'));
    const response = await t.app.inject({ method: 'GET', url: '/api/partnerships?limit=500', headers: lead });
    expect(response.statusCode).toBe(200);
    const regions = new Set(response.json().items.map((p: { regionName: string }) => p.regionName));
    expect([...regions]).toEqual(['Regio Midden']);
  });

  it("a regional lead of region A cannot read or change region B's partnership", async () => {
    const national = await t.loginAs(demoEmail('national'));
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/partnerships?q=Rotterdam',
      headers: national,
    });
    const rotterdam = all.json().items[0];
    expect(rotterdam.regionName).toBe('Regio Zuidwest');

    const lead = await t.loginAs(demoEmail('regional'));
    const read = await t.app.inject({
      method: 'GET',
      url: `/api/partnerships/${rotterdam.id}`,
      headers: lead,
    });
    expect(read.statusCode).toBe(404);
    const change = await t.app.inject({
      method: 'PATCH',
      url: `/api/partnerships/${rotterdam.id}`,
      headers: lead,
      payload: { version: rotterdam.version, status: 'ended' },
    });
    expect(change.statusCode).toBe(404);
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/partnerships',
      headers: lead,
      payload: { municipalityCode: 'GM0599' },
    });
    expect(create.statusCode).toBe(403);
    const after = await t.app.inject({
      method: 'GET',
      url: `/api/partnerships/${rotterdam.id}`,
      headers: national,
    });
    expect(after.json().status).toBe('active');
  });

  it('municipality staff see only their own municipality', async () => {
    const staff = await t.loginAs(demoEmail('municipality'));
    const response = await t.app.inject({ method: 'GET', url: '/api/partnerships', headers: staff });
    expect(response.json().items.map((p: { municipalityName: string }) => p.municipalityName)).toEqual([
      'Utrecht',
    ]);
  });

  it('a coach can read but not change partnerships', async () => {
    const coach = await t.loginAs(demoEmail('coach'));
    const list = await t.app.inject({ method: 'GET', url: '/api/partnerships', headers: coach });
    expect(list.statusCode).toBe(200);
    const create = await t.app.inject({
      method: 'POST',
      url: '/api/partnerships',
      headers: coach,
      payload: { municipalityCode: 'GM0355' },
    });
    expect(create.statusCode).toBe(403);
  });

  it('a regional lead creates and edits a partnership in their region, with version checks', async () => {
    const lead = await t.loginAs(demoEmail('regional'));
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/partnerships',
      headers: lead,
      payload: {
        municipalityCode: 'GM0345',
        status: 'draft',
        sectorFocus: ['care'],
        contacts: [{ role: 'client_manager', name: 'Team Statushouders' }],
      },
    });
    expect(created.statusCode).toBe(201);
    const p = created.json();
    expect(p.municipalityName).toBe('Veenendaal');
    expect(p.version).toBe(1);

    const first = await t.app.inject({
      method: 'PATCH',
      url: `/api/partnerships/${p.id}`,
      headers: lead,
      payload: { version: 1, status: 'active', startsOn: '2026-04-01' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'active', version: 2 });

    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/partnerships/${p.id}`,
      headers: lead,
      payload: { version: 1, goals: 'overwrite' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.status).toBe('active');

    const badDates = await t.app.inject({
      method: 'PATCH',
      url: `/api/partnerships/${p.id}`,
      headers: lead,
      payload: { version: 2, endsOn: '2026-01-01' },
    });
    expect(badDates.statusCode).toBe(400);
    expect(badDates.json().error).toMatchObject({
      code: 'partnership.dates_invalid',
      details: { field: 'endsOn' },
    });
  });
});

describe('audit log', () => {
  it('records who listed, read and changed organisation records, with the request id', async () => {
    const lead = await t.loginAs(demoEmail('regional'));
    const list = await t.app.inject({ method: 'GET', url: '/api/partnerships', headers: lead });
    const admin = await t.loginAs(demoEmail('admin'));
    const log = await t.app.inject({
      method: 'GET',
      url: '/api/audit?entityType=partnership&action=list',
      headers: admin,
    });
    expect(log.statusCode).toBe(200);
    const event = log
      .json()
      .items.find((e: { requestId: string }) => e.requestId === list.headers['x-request-id']);
    expect(event).toMatchObject({ action: 'list', entityType: 'partnership', actorName: 'Hanna de Graaf' });
  });

  it('a refused write leaves neither the change nor an audit line', async () => {
    const admin = await t.loginAs(demoEmail('admin'));
    const before = (
      await t.app.inject({
        method: 'GET',
        url: '/api/audit?entityType=partnership&action=create',
        headers: admin,
      })
    ).json().total;
    const lead = await t.loginAs(demoEmail('regional'));
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/partnerships',
      headers: lead,
      payload: { municipalityCode: 'GM0344', startsOn: '2026-05-01', endsOn: '2026-01-01' },
    });
    expect(refused.statusCode).toBe(400);
    const after = (
      await t.app.inject({
        method: 'GET',
        url: '/api/audit?entityType=partnership&action=create',
        headers: admin,
      })
    ).json().total;
    expect(after).toBe(before);
  });
});
