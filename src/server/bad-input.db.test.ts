import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../shared/limits.ts';
import { createTestApp, demoEmail, origin } from './testing/test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
let lead: { cookie: string; origin: string };
beforeAll(async () => {
  t = await createTestApp();
  lead = await t.loginAs(demoEmail('regional'));
});
afterAll(() => t.close());

const post = (payload: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/partnerships',
    headers: { ...lead, 'content-type': 'application/json', ...headers },
    payload,
  });

describe('bad input gets a clear 4xx and changes nothing', () => {
  it('malformed JSON', async () => {
    const response = await post('{"municipalityCode": ');
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('request.malformed_json');
  });

  it('wrong types, naming the field', async () => {
    const response = await post(JSON.stringify({ municipalityCode: 'GM0355', sectorFocus: 'care' }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('request.invalid');
    expect(response.json().error.details[0].field).toBe('body.sectorFocus');
  });

  it('unknown fields', async () => {
    const response = await post(JSON.stringify({ municipalityCode: 'GM0355', isAdmin: true }));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/isAdmin/);
  });

  it('over-long strings', async () => {
    const response = await post(
      JSON.stringify({ municipalityCode: 'GM0355', goals: 'x'.repeat(limits.longText + 1) }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('body.goals');
  });

  it.each([
    ['__proto__', '{"municipalityCode":"GM0355","__proto__":{"isAdmin":true}}'],
    ['constructor', '{"municipalityCode":"GM0355","constructor":{"prototype":{"isAdmin":true}}}'],
  ])('prototype-pollution key %s', async (field, payload) => {
    const response = await post(payload);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe(field);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('a BSN pasted into free text is refused, naming the field', async () => {
    const response = await post(
      JSON.stringify({ municipalityCode: 'GM0355', notes: 'Klant 1112.22.333 aangemeld' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('privacy.bsn_refused');
    expect(response.json().error.details[0].field).toBe('body.notes');
  });

  it('a body over the limit gets 413', async () => {
    const response = await post(
      JSON.stringify({ municipalityCode: 'GM0355', notes: 'x'.repeat(limits.bodyBytes) }),
    );
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('request.too_large');
  });

  it('an invalid id in the path', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/partnerships/not-a-uuid',
      headers: lead,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details[0].field).toBe('params.id');
  });

  it('an unknown API route gets a JSON 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'route.not_found', message: expect.any(String) } });
  });

  it('nothing was written by any of the above', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/partnerships?q=Zeist', headers: lead });
    expect(response.json().items).toHaveLength(1); // only the demo draft
  });

  it('answers carry security headers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health', headers: { origin } });
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });
});
