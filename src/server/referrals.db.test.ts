import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser, auditEvent, hashPassword, roleAssignment } from '../domain/access/index.ts';
import { participant } from '../domain/participants/index.ts';
import { trajectory } from '../domain/trajectories/index.ts';
import { demoPassword } from './db/demo-data.ts';
import { createTestApp, demoEmail } from './testing/test-app.ts';

// After a referral: the confirmation, the correction window (municipality staff correct a referral they made while
// it is still "referred") and the lead's to-do until a coach is assigned.
let t: Awaited<ReturnType<typeof createTestApp>>;
type Headers = { cookie: string; origin: string };
let as: Record<'municipality' | 'otherMunicipality' | 'regional' | 'coach', Headers>;

beforeAll(async () => {
  t = await createTestApp();
  // A client manager of Amersfoort: another municipality in the same region.
  const [other] = await t.db
    .insert(appUser)
    .values({
      email: 'klantmanager-amersfoort@example.org',
      displayName: 'Klantmanager Amersfoort',
      passwordHash: await hashPassword(demoPassword),
      isDemo: true,
    })
    .returning();
  await t.db.insert(roleAssignment).values({
    userId: other!.id,
    role: 'municipality_staff',
    municipalityCode: 'GM0307',
    municipalFunction: 'client_manager',
  });
  as = {
    municipality: await t.loginAs(demoEmail('municipality')),
    otherMunicipality: await t.loginAs('klantmanager-amersfoort@example.org'),
    regional: await t.loginAs(demoEmail('regional')),
    coach: await t.loginAs(demoEmail('coach')),
  };
}, 60_000);
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, headers: Headers, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const today = () => t.clock.now().toISOString().slice(0, 10);
let counter = 0;
async function refer() {
  counter += 1;
  const response = await call('POST', '/api/participants', as.municipality, {
    name: `Correctie Proef ${'abcdefghij'[counter]}`,
    dateOfBirth: '1990-01-01',
    municipalityCode: 'GM0344',
    referredOn: today(),
    referrerKind: 'municipality',
    preferredLanguage: 'ar',
    phone: '0612345678',
    motivation: 'Wil werken.',
    confirmNotDuplicate: true,
  });
  expect(response.statusCode).toBe(201);
  return response.json() as {
    participantId: string;
    trajectoryId: string;
    regionName: string | null;
    regionalLeads: { name: string; email: string }[];
  };
}
type StatusFile = {
  kind: string;
  file: {
    status: string;
    coachName: string | null;
    correction: { version: number; phone: string; motivation: string; name: string } | null;
  };
};
const read = async (id: string, headers = as.municipality) =>
  (await call('GET', `/api/participants/${id}`, headers)).json() as StatusFile;

describe('after referring', () => {
  it('the answer says which region takes it up and who its regional lead is', async () => {
    const created = await refer();
    expect(created.regionName).toBe('Regio Midden');
    expect(created.regionalLeads).toContainEqual({ name: 'Hanna de Graaf', email: demoEmail('regional') });
  });

  it('the referrer sees the phase and, once assigned, the coach in the file and in their list', async () => {
    const created = await refer();
    expect((await read(created.participantId)).file.coachName).toBeNull();
    const [coachUser] = await t.db
      .select()
      .from(appUser)
      .where(eq(appUser.email, demoEmail('coach')));
    const assigned = await call('PUT', `/api/trajectories/${created.trajectoryId}/coach`, as.regional, {
      coachId: coachUser!.id,
    });
    expect(assigned.statusCode).toBe(200);
    const file = await read(created.participantId);
    expect(file.kind).toBe('referral_status');
    expect(file.file).toMatchObject({ status: 'referred', coachName: 'Joost Verhoeven' });
    const list = await call('GET', '/api/participants?q=Correctie', as.municipality);
    const item = (list.json().items as { id: string; coachName: string; dateOfBirth: string | null }[]).find(
      (i) => i.id === created.participantId,
    );
    expect(item).toMatchObject({ coachName: 'Joost Verhoeven', dateOfBirth: null });
  });
});

describe('correcting a referral', () => {
  it('is allowed while it is still referred: the change is kept and audited', async () => {
    const created = await refer();
    const before = await read(created.participantId);
    expect(before.file.correction).toMatchObject({ phone: '0612345678', motivation: 'Wil werken.' });
    const response = await call(
      'PATCH',
      `/api/participants/${created.participantId}/referral`,
      as.municipality,
      {
        version: before.file.correction!.version,
        phone: '0687654321',
        motivation: 'Wil werken in de techniek.',
      },
    );
    expect(response.statusCode).toBe(200);
    expect((response.json() as StatusFile).file.correction).toMatchObject({
      phone: '0687654321',
      motivation: 'Wil werken in de techniek.',
      version: before.file.correction!.version + 1,
    });
    const [stored] = await t.db
      .select({ phone: participant.phone, motivation: trajectory.referralMotivation })
      .from(participant)
      .innerJoin(trajectory, eq(trajectory.participantId, participant.id))
      .where(eq(participant.id, created.participantId));
    expect(stored).toEqual({ phone: '0687654321', motivation: 'Wil werken in de techniek.' });
    const audited = await t.db
      .select({ detail: auditEvent.detail })
      .from(auditEvent)
      .where(and(eq(auditEvent.participantId, created.participantId), eq(auditEvent.action, 'update')));
    expect(audited).toContainEqual({
      detail: { referralCorrected: created.trajectoryId, fields: ['phone', 'motivation'] },
    });
  });

  it('is refused with a 409 that says why once the lead has moved it on, and nothing changes', async () => {
    const created = await refer();
    const { version } = (await read(created.participantId)).file.correction!;
    const moved = await call('POST', `/api/trajectories/${created.trajectoryId}/status`, as.regional, {
      action: 'start_intake',
      on: today(),
    });
    expect(moved.statusCode).toBe(200);
    expect((await read(created.participantId)).file).toMatchObject({ status: 'intake', correction: null });
    const response = await call(
      'PATCH',
      `/api/participants/${created.participantId}/referral`,
      as.municipality,
      {
        version,
        phone: '0611111111',
      },
    );
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({
      code: 'participant.referral_moved_on',
      details: { status: 'intake' },
    });
    expect(response.json().error.message).toMatch(/no longer be corrected/);
    const [stored] = await t.db
      .select({ phone: participant.phone })
      .from(participant)
      .where(eq(participant.id, created.participantId));
    expect(stored!.phone).toBe('0612345678');
  });

  it('is not possible for staff of another municipality (404) or a coach (403)', async () => {
    const created = await refer();
    const { version } = (await read(created.participantId)).file.correction!;
    const body = { version, phone: '0622222222' };
    const url = `/api/participants/${created.participantId}/referral`;
    expect((await call('PATCH', url, as.otherMunicipality, body)).statusCode).toBe(404);
    expect((await call('PATCH', url, as.coach, body)).statusCode).toBe(403);
    expect((await read(created.participantId)).file.correction!.phone).toBe('0612345678');
  });

  it('names a stale version as a conflict, and an empty name as an invalid field', async () => {
    const created = await refer();
    const { version } = (await read(created.participantId)).file.correction!;
    const url = `/api/participants/${created.participantId}/referral`;
    expect((await call('PATCH', url, as.municipality, { version, name: 'Correctie Nieuw' })).statusCode).toBe(
      200,
    );
    const stale = await call('PATCH', url, as.municipality, { version, name: 'Correctie Ouder' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('resource.conflict');
    const empty = await call('PATCH', url, as.municipality, { version: version + 1, name: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details).toContainEqual(expect.objectContaining({ field: 'body.name' }));
    expect((await read(created.participantId)).file.correction!.name).toBe('Correctie Nieuw');
  });

  it('a correction and the lead taking the referral up at the same moment: never both, never a 500', async () => {
    for (let round = 0; round < 3; round++) {
      const created = await refer();
      const { version } = (await read(created.participantId)).file.correction!;
      const [correction, move] = await Promise.all([
        call('PATCH', `/api/participants/${created.participantId}/referral`, as.municipality, {
          version,
          motivation: `Gecorrigeerd ${round}`,
        }),
        call('POST', `/api/trajectories/${created.trajectoryId}/status`, as.regional, {
          action: 'start_intake',
          on: today(),
        }),
      ]);
      expect(move.statusCode).toBe(200);
      expect([200, 409]).toContain(correction.statusCode);
      const [stored] = await t.db
        .select({ motivation: trajectory.referralMotivation, status: trajectory.status })
        .from(trajectory)
        .where(eq(trajectory.id, created.trajectoryId));
      expect(stored!.status).toBe('intake');
      // A refused correction left nothing; an accepted one came before the move.
      expect(stored!.motivation).toBe(
        correction.statusCode === 200 ? `Gecorrigeerd ${round}` : 'Wil werken.',
      );
      if (correction.statusCode === 409)
        expect(correction.json().error.code).toBe('participant.referral_moved_on');
    }
  });
});

describe("the lead's to-do", () => {
  type Waiting = {
    items: { participantId: string; name: string; municipalityName: string }[];
    byRegion: { regionName: string | null; count: number }[];
    total: number;
  };
  it('a new referral waits on the lead home and in "today" until a coach is assigned; the national lead sees it per region', async () => {
    const created = await refer();
    const national = await t.loginAs(demoEmail('national'));
    const waiting = async (headers: Headers) => {
      const response = await call('GET', '/api/caseload/waiting-referrals', headers);
      expect(response.statusCode).toBe(200);
      return response.json() as Waiting;
    };
    const todayOf = async (headers: Headers) =>
      (
        (await call('GET', '/api/caseload', headers)).json() as {
          today: { participantId: string; reason: string; detail: string | null }[];
        }
      ).today.filter((i) => i.participantId === created.participantId);

    const regional = await waiting(as.regional);
    expect(regional.items).toContainEqual(
      expect.objectContaining({ participantId: created.participantId, municipalityName: 'Utrecht' }),
    );
    expect(regional.byRegion.map((r) => r.regionName)).toEqual(['Regio Midden']);
    expect(await todayOf(as.regional)).toEqual([
      {
        participantId: created.participantId,
        name: expect.any(String),
        reason: 'referral_waiting',
        detail: 'Utrecht',
      },
    ]);
    const perRegion = await waiting(national);
    const midden = perRegion.byRegion.find((r) => r.regionName === 'Regio Midden');
    expect(midden!.count).toBeGreaterThanOrEqual(1);
    expect(perRegion.total).toBe(perRegion.byRegion.reduce((sum, r) => sum + r.count, 0));
    expect(perRegion.items.some((i) => i.participantId === created.participantId)).toBe(true);
    // A coach and municipality staff have no such list.
    expect((await call('GET', '/api/caseload/waiting-referrals', as.coach)).statusCode).toBe(403);
    expect((await call('GET', '/api/caseload/waiting-referrals', as.municipality)).statusCode).toBe(403);

    const [coachUser] = await t.db
      .select()
      .from(appUser)
      .where(eq(appUser.email, demoEmail('coach')));
    await call('PUT', `/api/trajectories/${created.trajectoryId}/coach`, as.regional, {
      coachId: coachUser!.id,
    });
    expect((await waiting(as.regional)).items.some((i) => i.participantId === created.participantId)).toBe(
      false,
    );
    expect(await todayOf(as.regional)).toEqual([]);
    const after = (await waiting(national)).byRegion.find((r) => r.regionName === 'Regio Midden');
    expect(after?.count ?? 0).toBe(midden!.count - 1);
  });
});
