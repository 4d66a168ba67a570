// Group training through the API: the cohort page, attendance in one go, what it adds to the timeline, the
// coach's "today" list and the portal, joining with a waiting list (also at the same moment), bad input, and who
// may see what.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser, auditEvent, roleAssignment, toRoleRows } from '../domain/access/index.ts';
import { region } from '../domain/organisation/index.ts';
import { attendance } from '../domain/training/index.ts';
import { createTestApp, demoEmail } from './testing/test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Headers = Awaited<ReturnType<typeof t.loginAs>>;
const as = {} as Record<'trainer' | 'coach' | 'coach2' | 'regional' | 'national' | 'participant', Headers>;
let cohortId: string;
let midden: string;
let zuidwest: string;
let trainerId: string;
const today = '2026-03-02';

const call = (who: Headers | null, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: who ?? {}, ...(payload ? { payload } : {}) });

type Page = {
  id: string;
  members: number;
  attendanceRate: number | null;
  participants: {
    participantId: string;
    name: string;
    attendanceRate: number | null;
    absentInARow: number;
  }[];
  sessions: { id: string; date: string; kind: string; moduleIds: string[] }[];
  coverage: { moduleId: string; key: string | null; status: string }[];
  attendance: { sessionId: string; participantId: string; status: string }[];
};
const page = async (who: Headers, id = cohortId) => {
  const r = await call(who, 'GET', `/api/cohorts/${id}`);
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as Page;
};

let counter = 0;
/** A new referral in a municipality (by the national lead): an open trajectory to join from. */
async function referral(municipalityCode = 'GM0344') {
  const r = await call(as.national, 'POST', '/api/participants', {
    name: `Groep Deelnemer${'abcdefghijklmnopqrstuvwxyz'[counter++]}`,
    dateOfBirth: '1990-05-06',
    municipalityCode,
    preferredLanguage: 'ti',
    referredOn: today,
    referrerKind: 'lead',
    motivation: 'Wil de training volgen.',
    confirmNotDuplicate: true,
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { participantId: string; trajectoryId: string };
}

async function newCohort(payload: Partial<Record<string, unknown>> = {}, who = as.national) {
  const r = await call(who, 'POST', '/api/cohorts', {
    name: 'Testgroep',
    regionId: midden,
    municipalityCodes: ['GM0344'],
    trainerIds: [trainerId],
    capacity: 12,
    startsOn: '2026-03-01',
    endsOn: '2026-05-31',
    location: 'Stadskantoor',
    ...payload,
  });
  expect(r.statusCode, r.body).toBe(201);
  return (r.json() as { id: string }).id;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const who of ['trainer', 'coach', 'coach2', 'regional', 'national', 'participant'] as const)
    as[who] = await t.loginAs(demoEmail(who));
  const regions = await t.db.select().from(region);
  midden = regions.find((r) => r.code === 'Midden')!.id;
  zuidwest = regions.find((r) => r.code === 'Zuidwest')!.id;
  const [trainer] = await t.db
    .select()
    .from(appUser)
    .where(eq(appUser.email, demoEmail('trainer')));
  trainerId = trainer!.id;
  const answer = await call(as.trainer, 'GET', '/api/cohorts');
  expect(answer.statusCode, answer.body).toBe(200);
  const list = answer.json() as { items: { id: string }[] };
  expect(list.items).toHaveLength(1);
  cohortId = list.items[0]!.id;
}, 300_000);
afterAll(() => t?.close());

describe("the coach's today list", () => {
  // Before the trainer marks today's session (below), Selam has missed the last three without notice.
  it('holds three absences in a row without notice', async () => {
    const caseload = (await call(as.coach, 'GET', '/api/caseload')).json() as {
      today: { name: string; reason: string }[];
    };
    const alerts = caseload.today.filter((i) => i.reason === 'absent_in_a_row');
    expect(alerts.map((a) => a.name)).toEqual(['Selam Tekle']);
  });
});

describe('the trainer', () => {
  it("starts from their cohorts with today's session, fill rate and attendance", async () => {
    const list = (await call(as.trainer, 'GET', '/api/cohorts')).json() as {
      items: {
        nextSession: { date: string } | null;
        members: number;
        fillRate: number;
        attendanceRate: number;
      }[];
    };
    const [mine] = list.items;
    expect(mine!.nextSession?.date).toBe(today);
    expect(mine!.members).toBe(4);
    expect(mine!.fillRate).toBeCloseTo(4 / 15);
    // Four past sessions × four people, four of them absences: 12 of 16 there.
    expect(mine!.attendanceRate).toBeCloseTo(12 / 16);
  });

  it('marks the whole group present in one go, then changes the exceptions; the page shows it', async () => {
    const before = await page(as.trainer);
    const session = before.sessions.find((s) => s.date === today)!;
    expect(before.participants).toHaveLength(4);
    const everyone = before.participants.map((p) => ({ participantId: p.participantId, status: 'present' }));
    const first = await call(as.trainer, 'PUT', `/api/sessions/${session.id}/attendance`, {
      marks: everyone,
    });
    expect(first.json()).toEqual({ saved: 4 });
    const late = before.participants[0]!.participantId;
    const second = await call(as.trainer, 'PUT', `/api/sessions/${session.id}/attendance`, {
      marks: everyone.map((m) => (m.participantId === late ? { ...m, status: 'late' } : m)),
    });
    expect(second.statusCode).toBe(200);
    const after = await page(as.trainer);
    const marks = after.attendance.filter((a) => a.sessionId === session.id);
    expect(marks).toHaveLength(4);
    expect(marks.find((m) => m.participantId === late)!.status).toBe('late');
    const selam = after.participants.find((p) => p.name === 'Selam Tekle')!;
    expect(selam.absentInARow).toBe(0); // present today ends the run
    expect(selam.attendanceRate).toBeCloseTo(2 / 5);
    // One audit line names everyone marked.
    const lines = await t.db.select().from(auditEvent).where(eq(auditEvent.action, 'update'));
    const line = lines.find((l) => (l.detail as { attendance?: string } | null)?.attendance === session.id);
    expect((line!.detail as { participantIds: string[] }).participantIds.sort()).toEqual(
      everyone.map((m) => m.participantId).sort(),
    );
  });

  it('shows which modules are done, planned and still missing', async () => {
    const p = await page(as.trainer);
    expect(p.coverage).toHaveLength(9);
    expect(p.coverage.slice(0, 4).map((m) => m.status)).toEqual(['done', 'done', 'done', 'done']);
    expect(p.coverage[4]!.status).toBe('planned'); // today's session
    // A module no session covers is missing.
    const added = await call(as.national, 'POST', '/api/training/modules', {
      title: 'Digitale vaardigheden',
      position: 95,
    });
    expect(added.statusCode).toBe(201);
    const again = await page(as.trainer);
    expect(again.coverage.at(-1)).toMatchObject({ key: null, status: 'missing' });
  });

  it('sees names, languages and attendance, not the file', async () => {
    const p = await page(as.trainer);
    const someone = p.participants[0]!.participantId;
    expect((await call(as.trainer, 'GET', `/api/participants/${someone}`)).statusCode).toBe(403);
    const keys = Object.keys(p.participants[0]!).sort();
    expect(keys).toEqual(['absentInARow', 'attendanceRate', 'languages', 'name', 'participantId', 'status']);
  });
});

describe('what training adds to the views of others', () => {
  it("puts attendance on the participant's timeline", async () => {
    const portal = (await call(as.participant, 'GET', '/api/portal')).json() as { participantId: string };
    const timeline = (
      await call(as.coach, 'GET', `/api/participants/${portal.participantId}/timeline?kind=attendance`)
    ).json() as { items: { title: string; at: string }[] };
    expect(timeline.items.length).toBeGreaterThanOrEqual(4);
    expect(timeline.items.every((i) => i.title.startsWith('attendance.'))).toBe(true);
  });

  it('shows the participant their next session, where (with a map link) and what to bring', async () => {
    const portal = (await call(as.participant, 'GET', '/api/portal')).json() as {
      cards: { title: string; at: string | null; text: string | null; link: string | null }[];
      whoCanSee: { who: string; name: string | null; what: string }[];
    };
    const next = portal.cards.find((c) => c.title === 'training.card.nextSession')!;
    // 13:30 in Amsterdam in winter is 12:30 UTC.
    expect(next.at).toBe('2026-03-02T12:30:00.000Z');
    expect(next.link).toMatch(/^https:\/\/www\.openstreetmap\.org\/search\?query=Wijkcentrum/);
    expect(portal.cards.find((c) => c.title === 'training.card.bring')?.text).toBe('Pen en papier');
    expect(portal.whoCanSee).toContainEqual({
      who: 'trainer',
      name: 'Ruben Smit',
      what: 'name_and_attendance',
    });
  });
});

describe('joining a cohort', () => {
  it('two joins for the last place at the same moment: one member, one on the waiting list', async () => {
    const id = await newCohort({ capacity: 1 });
    const [a, b] = [await referral(), await referral()];
    const answers = await Promise.all(
      [a, b].map((p) =>
        call(as.national, 'POST', `/api/trajectories/${p.trajectoryId}/cohort`, { cohortId: id }),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(answers.map((r) => r.json().status).sort()).toEqual(['member', 'waiting']);
    expect(answers.find((r) => r.json().status === 'waiting')!.json().waitingPosition).toBe(1);
    const p = await page(as.national, id);
    expect(p.members).toBe(1);
  });

  it('one person joining two cohorts at the same moment: one 200, one 409; in one cohort only', async () => {
    const [x, y] = [await newCohort(), await newCohort({ name: 'Tweede groep' })];
    const person = await referral();
    const answers = await Promise.all(
      [x, y].map((id) =>
        call(as.national, 'POST', `/api/trajectories/${person.trajectoryId}/cohort`, { cohortId: id }),
      ),
    );
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(answers.find((r) => r.statusCode === 409)!.json().error.code).toBe('training.already_in_cohort');
  });

  it('refuses a cohort of another region', async () => {
    const person = await referral();
    const other = await newCohort({
      regionId: zuidwest,
      municipalityCodes: ['GM0599'],
      trainerIds: [await zuidwestTrainer()],
    });
    const r = await call(as.national, 'POST', `/api/trajectories/${person.trajectoryId}/cohort`, {
      cohortId: other,
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('training.other_region');
  });
});

let zuidwestTrainerId: string | null = null;
/** A confirmed trainer of Regio Zuidwest (not the demo trainer). */
async function zuidwestTrainer() {
  if (zuidwestTrainerId) return zuidwestTrainerId;
  const [user] = await t.db
    .insert(appUser)
    .values({ email: 'trainer-zuidwest@example.org', displayName: 'Trainer Zuidwest' })
    .returning();
  await t.db.insert(roleAssignment).values(toRoleRows(user!.id, [{ role: 'trainer', regionId: zuidwest }]));
  zuidwestTrainerId = user!.id;
  return user!.id;
}

describe('bad input: a clear 4xx, nothing half-saved', () => {
  const session = (payload: object = {}) => ({
    date: '2026-03-10',
    startTime: '10:00',
    endTime: '12:00',
    place: 'Stadskantoor',
    kind: 'regular',
    trainerId,
    ...payload,
  });

  it('a session outside the cohort dates', async () => {
    const r = await call(
      as.trainer,
      'POST',
      `/api/cohorts/${cohortId}/sessions`,
      session({ date: '2027-01-05' }),
    );
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('training.session_outside_cohort');
  });

  it('double booking a trainer at the same time, also in another cohort', async () => {
    const other = await newCohort({ name: 'Derde groep' });
    const first = await call(as.trainer, 'POST', `/api/cohorts/${other}/sessions`, session());
    expect(first.statusCode).toBe(201);
    const clash = await call(
      as.trainer,
      'POST',
      `/api/cohorts/${cohortId}/sessions`,
      session({ startTime: '11:00', endTime: '13:00' }),
    );
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('training.trainer_double_booked');
    const after = await call(
      as.trainer,
      'POST',
      `/api/cohorts/${cohortId}/sessions`,
      session({ startTime: '12:00', endTime: '13:00' }),
    );
    expect(after.statusCode).toBe(201);
  });

  it('attendance for someone not in the cohort saves nothing', async () => {
    const p = await page(as.trainer);
    const session = p.sessions.find((s) => s.date > today)!;
    const outsider = await referral();
    const r = await call(as.trainer, 'PUT', `/api/sessions/${session.id}/attendance`, {
      marks: [
        { participantId: p.participants[0]!.participantId, status: 'present' },
        { participantId: outsider.participantId, status: 'present' },
      ],
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('training.not_in_cohort');
    expect(await t.db.select().from(attendance).where(eq(attendance.sessionId, session.id))).toEqual([]);
  });

  it('a cohort that ends before it starts, and a trainer of another region', async () => {
    const reversed = await call(as.national, 'POST', '/api/cohorts', {
      name: 'Verkeerd',
      regionId: midden,
      municipalityCodes: ['GM0344'],
      trainerIds: [trainerId],
      capacity: 5,
      startsOn: '2026-06-01',
      endsOn: '2026-05-01',
    });
    expect(reversed.json().error.code).toBe('training.dates_reversed');
    const foreign = await call(as.national, 'POST', '/api/cohorts', {
      name: 'Verkeerd',
      regionId: midden,
      municipalityCodes: ['GM0344'],
      trainerIds: [await zuidwestTrainer()],
      capacity: 5,
      startsOn: '2026-03-01',
      endsOn: '2026-05-01',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().error.code).toBe('training.not_a_trainer');
  });
});

describe('access per role', () => {
  it('a trainer of another cohort is refused the page and the attendance', async () => {
    const zw = await newCohort({
      regionId: zuidwest,
      municipalityCodes: ['GM0599'],
      trainerIds: [await zuidwestTrainer()],
      name: 'Rotterdam',
    });
    expect((await call(as.trainer, 'GET', `/api/cohorts/${zw}`)).statusCode).toBe(404);
    const s = await call(as.national, 'POST', `/api/cohorts/${zw}/sessions`, {
      date: '2026-03-03',
      startTime: '10:00',
      endTime: '12:00',
      trainerId: await zuidwestTrainer(),
    });
    expect(s.statusCode).toBe(201);
    const person = await referral('GM0599');
    expect(
      (await call(as.national, 'POST', `/api/trajectories/${person.trajectoryId}/cohort`, { cohortId: zw }))
        .statusCode,
    ).toBe(200);
    const mark = await call(as.trainer, 'PUT', `/api/sessions/${s.json().id}/attendance`, {
      marks: [{ participantId: person.participantId, status: 'present' }],
    });
    expect(mark.statusCode).toBe(404);
    const list = (await call(as.trainer, 'GET', '/api/cohorts')).json() as { items: { id: string }[] };
    expect(list.items.map((c) => c.id)).not.toContain(zw);
    // A coach of Midden and the regional lead of Midden do not see it either; the national lead does.
    expect((await call(as.coach, 'GET', `/api/cohorts/${zw}`)).statusCode).toBe(404);
    expect((await call(as.regional, 'GET', `/api/cohorts/${zw}`)).statusCode).toBe(404);
    expect((await call(as.national, 'GET', `/api/cohorts/${zw}`)).statusCode).toBe(200);
  });

  it('a coach sees the cohort with only their own participants, and cannot mark attendance', async () => {
    const mine = await page(as.coach);
    const names = mine.participants.map((p) => p.name).sort();
    expect(names).toEqual(['Selam Tekle', 'Yonas Tesfay']);
    const theirs = await page(as.coach2);
    expect(theirs.participants.map((p) => p.name).sort()).toEqual(['Dawit Haile', 'Rania Al-Khatib']);
    const session = mine.sessions[0]!;
    const r = await call(as.coach, 'PUT', `/api/sessions/${session.id}/attendance`, {
      marks: [{ participantId: mine.participants[0]!.participantId, status: 'present' }],
    });
    expect(r.statusCode).toBe(403);
  });

  it('a participant is refused cohort pages and the list; only the national lead edits the curriculum', async () => {
    expect((await call(as.participant, 'GET', `/api/cohorts/${cohortId}`)).statusCode).toBe(403);
    expect((await call(as.participant, 'GET', '/api/cohorts')).statusCode).toBe(403);
    const modules = (await call(as.trainer, 'GET', '/api/training/modules')).json() as {
      items: { id: string }[];
    };
    expect(modules.items.length).toBeGreaterThanOrEqual(9);
    const id = modules.items[0]!.id;
    expect(
      (await call(as.regional, 'PATCH', `/api/training/modules/${id}`, { title: 'Anders' })).statusCode,
    ).toBe(403);
    const renamed = await call(as.national, 'PATCH', `/api/training/modules/${id}`, { title: 'Wie ben ik?' });
    expect(renamed.json()).toMatchObject({ id, title: 'Wie ben ik?' });
  });

  it('a regional lead may not plan a cohort in another region', async () => {
    const r = await call(as.regional, 'POST', '/api/cohorts', {
      name: 'Elders',
      regionId: zuidwest,
      municipalityCodes: ['GM0599'],
      trainerIds: [await zuidwestTrainer()],
      capacity: 5,
      startsOn: '2026-03-01',
      endsOn: '2026-05-01',
    });
    expect(r.statusCode).toBe(403);
  });
});
