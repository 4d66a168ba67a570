import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { municipality, region } from '../domain/organisation/index.ts';
import { participant } from '../domain/participants/participants.table.ts';
import { createTestApp, demoEmail } from './testing/test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Headers = { cookie: string; origin: string };
let as: Record<'municipality' | 'regional' | 'national' | 'admin', Headers>;
beforeAll(async () => {
  t = await createTestApp();
  as = {
    municipality: await t.loginAs(demoEmail('municipality')),
    regional: await t.loginAs(demoEmail('regional')),
    national: await t.loginAs(demoEmail('national')),
    admin: await t.loginAs(demoEmail('admin')),
  };
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers: Headers, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const search = async (query: string, headers: Headers) => {
  const response = await call('GET', `/api/participants?${query}`, headers);
  expect(response.statusCode).toBe(200);
  return response.json() as { items: { id: string; name: string; status: string | null }[]; total: number };
};
const referral = (name: string, dateOfBirth = '1990-01-01') => ({
  name,
  dateOfBirth,
  municipalityCode: 'GM0344',
  preferredLanguage: 'ar',
  referredOn: t.clock.now().toISOString().slice(0, 10),
  referrerKind: 'municipality',
  motivation: '',
});

/** Participants whose copied region differs from their municipality's: must always be none. */
const strayRegions = async () =>
  (
    await t.db
      .select({ id: participant.id })
      .from(participant)
      .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
      .where(sql`${participant.regionId} is distinct from ${municipality.regionId}`)
  ).length;

describe("a regional lead's search", () => {
  it("follows the municipality's region, also when the municipality moves to another region", async () => {
    const created = await call('POST', '/api/participants', as.municipality, referral('Zaid Qorbani'));
    expect(created.statusCode).toBe(201);
    const id = created.json().participantId as string;
    const [utrecht] = await t.db
      .select({ regionId: municipality.regionId })
      .from(municipality)
      .where(eq(municipality.code, 'GM0344'));
    const [row] = await t.db
      .select({ regionId: participant.regionId })
      .from(participant)
      .where(eq(participant.id, id));
    expect(row?.regionId).toBe(utrecht?.regionId);
    expect((await search('q=qorbani', as.regional)).items.map((i) => i.id)).toEqual([id]);

    // The municipality moves to another region: its participants leave this lead's scope, and come back.
    const [other] = await t.db
      .select({ id: region.id })
      .from(region)
      .where(sql`${region.id} <> ${utrecht!.regionId}`)
      .limit(1);
    const moved = await call('PATCH', '/api/municipalities/GM0344', as.national, { regionId: other!.id });
    expect(moved.statusCode).toBe(200);
    expect(await strayRegions()).toBe(0);
    expect((await search('q=qorbani', as.regional)).items).toEqual([]);
    expect((await call('GET', `/api/participants/${id}`, as.regional)).statusCode).toBe(404);
    expect((await search('q=qorbani', as.national)).items.map((i) => i.id)).toEqual([id]);

    const back = await call('PATCH', '/api/municipalities/GM0344', as.national, {
      regionId: utrecht!.regionId,
    });
    expect(back.statusCode).toBe(200);
    expect((await search('q=qorbani', as.regional)).items.map((i) => i.id)).toEqual([id]);
    expect((await call('GET', `/api/participants/${id}`, as.regional)).statusCode).toBe(200);
  });

  it('a participant moved to a municipality elsewhere gets that region; nobody can set the region by hand', async () => {
    const created = await call('POST', '/api/participants', as.municipality, referral('Yonas Qidane'));
    const id = created.json().participantId as string;
    const [elsewhere] = await t.db
      .select({ code: municipality.code })
      .from(municipality)
      .innerJoin(region, eq(region.id, municipality.regionId))
      .where(sql`${municipality.regionId} <> (select region_id from municipality where code = 'GM0344')`)
      .limit(1);
    await t.db.update(participant).set({ municipalityCode: elsewhere!.code }).where(eq(participant.id, id));
    expect(await strayRegions()).toBe(0);
    expect((await search('q=qidane', as.regional)).items).toEqual([]);
    // Writing the copy directly does not stick: the municipality decides.
    await t.db.update(participant).set({ regionId: null }).where(eq(participant.id, id));
    expect(await strayRegions()).toBe(0);
    await t.db.update(participant).set({ municipalityCode: 'GM0344' }).where(eq(participant.id, id));
    expect((await search('q=qidane', as.regional)).items.map((i) => i.id)).toEqual([id]);
  });
});

describe('the count of a search', () => {
  it('is the number of hits on every page, also on a page past the end and with a phase filter', async () => {
    const names = ['Samira Qadiri', 'Samir Qadiri', 'Sameer Qadiry'];
    for (const [i, name] of names.entries()) {
      const created = await call(
        'POST',
        '/api/participants',
        as.municipality,
        referral(name, `199${i}-02-03`),
      );
      expect(created.statusCode).toBe(201);
    }
    const all = await search('q=qadiri&limit=10', as.national);
    expect(all.total).toBe(3);
    expect(all.items).toHaveLength(3);
    expect(all.items.every((i) => i.status === 'referred')).toBe(true);
    expect(all.items.map((i) => i.name)).toEqual([...names].sort());

    const second = await search('q=qadiri&limit=2&offset=2', as.national);
    expect(second).toMatchObject({ total: 3 });
    expect(second.items.map((i) => i.name)).toEqual([...names].sort().slice(2));
    expect(await search('q=qadiri&limit=2&offset=4', as.national)).toEqual({ items: [], total: 3 });
    expect(await search('q=qadiri&status=referred&limit=1', as.national)).toMatchObject({ total: 3 });
    expect(await search('q=qadiri&status=referred&limit=1&offset=5', as.national)).toEqual({
      items: [],
      total: 3,
    });
    expect(await search('q=qadiri&status=active', as.national)).toEqual({ items: [], total: 0 });
  });
});
