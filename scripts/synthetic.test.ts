import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, like, sql } from 'drizzle-orm';
import { appUser, roleAssignment } from '../src/domain/access/index.ts';
import { employer } from '../src/domain/employers/employers.table.ts';
import { municipality, partnership, region } from '../src/domain/organisation/index.ts';
import { participant } from '../src/domain/participants/participants.table.ts';
import { addMonths } from '../src/domain/trajectories/trajectories.rules.ts';
import {
  activity,
  jobApplication,
  meeting,
  note,
  trajectory,
} from '../src/domain/trajectories/trajectories.table.ts';
import { loadReferenceData } from '../src/server/db/reference-data.ts';
import { createTestDatabase } from '../src/server/testing/test-app.ts';
import { nameKey } from '../src/shared/names.ts';
import {
  generateSynthetic,
  participantPlanner,
  planSynthetic,
  syntheticDomain,
  type SyntheticLoad,
} from './synthetic.ts';

const today = '2026-03-02';
const quiet = { today, log: () => undefined };

describe('synthetic data', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let first: SyntheticLoad;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadReferenceData(database.db);
  });
  afterAll(() => database?.dispose());

  const rowsOf = async <T>(query: ReturnType<typeof sql>) =>
    ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

  async function tableCounts() {
    const db = database.db;
    const n = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n;
    return {
      users: await n(
        db
          .select({ n: count() })
          .from(appUser)
          .where(like(appUser.email, `%@${syntheticDomain}`)),
      ),
      roles: await n(db.select({ n: count() }).from(roleAssignment)),
      employers: await n(db.select({ n: count() }).from(employer)),
      partnerships: await n(db.select({ n: count() }).from(partnership)),
      participants: await n(db.select({ n: count() }).from(participant)),
      trajectories: await n(db.select({ n: count() }).from(trajectory)),
      meetings: await n(db.select({ n: count() }).from(meeting)),
      notes: await n(db.select({ n: count() }).from(note)),
      jobApplications: await n(db.select({ n: count() }).from(jobApplication)),
      activities: await n(db.select({ n: count() }).from(activity)),
    };
  }

  it('plans the same data for the same seed, other data for another seed', () => {
    const municipalities = [
      { code: 'GM0001', name: 'Aadorp', regionCode: 'Midden' },
      { code: 'GM0002', name: 'Beekdorp', regionCode: 'Midden' },
      { code: 'GM0003', name: 'Cedorp', regionCode: 'Midden' },
    ];
    expect(planSynthetic('demo', municipalities, 7)).toEqual(planSynthetic('demo', municipalities, 7));
    expect(planSynthetic('demo', municipalities, 7).users.map((u) => u.displayName)).not.toEqual(
      planSynthetic('demo', municipalities, 8).users.map((u) => u.displayName),
    );
  });

  it('gives a municipality the same partnership at every scale', () => {
    const municipalities = Array.from({ length: 40 }, (_, i) => ({
      code: `GM${String(i + 1).padStart(4, '0')}`,
      name: `Dorp ${i + 1}`,
      regionCode: i % 2 ? 'Midden' : 'Noord',
    }));
    const national = planSynthetic('national', municipalities, 1).partnerships;
    const midden = new Set(municipalities.filter((m) => m.regionCode === 'Midden').map((m) => m.code));
    expect(planSynthetic('region', municipalities, 1).partnerships).toEqual(
      national.filter((p) => midden.has(p.municipalityCode)),
    );
  });

  it('plans the same participant, with the same ids, for the same seed and date', () => {
    const municipalities = [
      { code: 'GM0001', name: 'Aadorp', regionCode: 'Midden' },
      { code: 'GM0002', name: 'Beekdorp', regionCode: 'Midden' },
    ];
    const plan = planSynthetic('demo', municipalities, 7);
    const world = (seed: number) => ({
      scale: 'demo' as const,
      seed,
      today,
      municipalities: municipalities.map((m) => ({ code: m.code, regionCode: 'Midden' })),
      users: plan.users,
      employerNames: ['Bakkerij De Linde'],
      topics: ['Cv'],
    });
    const a = participantPlanner(world(7));
    const b = participantPlanner(world(7));
    expect(a.count).toBe(200);
    for (const i of [0, 1, 199]) {
      const p = a.participant(i);
      expect(p).toEqual(b.participant(i));
      for (const t of p.trajectories) expect(a.coaching(p, t)).toEqual(b.coaching(p, t));
    }
    expect(participantPlanner(world(8)).participant(0).id).not.toBe(a.participant(0).id);
  });

  it('loads the demo scale in Regio Midden, and loading again adds nothing', async () => {
    first = await generateSynthetic(database.db, 'demo', quiet);
    expect(first).toMatchObject({
      regionalLeads: 1,
      trainers: 3,
      coaches: 50,
      municipalityStaff: 10,
      employers: 20,
      participants: 200,
      educations: 200,
    });
    // About 8% also have an earlier trajectory; about 20 coaching records per participant.
    expect(first.trajectories).toBeGreaterThan(205);
    expect(first.trajectories).toBeLessThan(235);
    const records = first.meetings + first.notes + first.jobApplications + first.activities;
    expect(records).toBeGreaterThan(200 * 14);
    expect(records).toBeLessThan(200 * 28);
    expect(first.meetings).toBeGreaterThan(first.activities);
    expect(first.activities).toBeGreaterThan(first.notes);

    // About 60% of the municipalities in Regio Midden get a partnership.
    const [midden] = await database.db
      .select({ n: count() })
      .from(municipality)
      .innerJoin(region, eq(region.id, municipality.regionId))
      .where(eq(region.code, 'Midden'));
    expect(first.partnerships).toBeGreaterThan(midden!.n * 0.4);
    expect(first.partnerships).toBeLessThan(midden!.n * 0.8);

    const users = 1 + 3 + 50 + 10;
    const afterFirst = await tableCounts();
    expect(afterFirst).toEqual({
      users,
      roles: users,
      employers: 20,
      partnerships: first.partnerships,
      participants: 200,
      trajectories: first.trajectories,
      meetings: first.meetings,
      notes: first.notes,
      jobApplications: first.jobApplications,
      activities: first.activities,
    });
    expect(first.tables.map((t) => t.table)).toContain('activity');

    const second = await generateSynthetic(database.db, 'demo', quiet);
    const { tables, ...counts } = second;
    expect(tables).toEqual([]);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    expect(await tableCounts()).toEqual(afterFirst);
  });

  it('gives every account a role in scope and the shared password hash', async () => {
    const rows = await database.db
      .select({ email: appUser.email, hash: appUser.passwordHash, role: roleAssignment })
      .from(appUser)
      .innerJoin(roleAssignment, eq(roleAssignment.userId, appUser.id));
    expect(new Set(rows.map((r) => r.hash)).size).toBe(1);
    for (const { email, role } of rows) {
      if (role.role === 'municipality_staff') expect([email, role.municipalityCode]).not.toContain(null);
      else expect(role.regionId, email).not.toBeNull();
    }
    expect(rows.map((r) => r.email)).toContain(`coach0001@${syntheticDomain}`);
  });

  it('spreads the current trajectories over the phases as in practice', async () => {
    const latest = await rowsOf<{
      status: string;
      stop_reason: string | null;
      started_on: string | null;
    }>(sql`
      select distinct on (participant_id) status, stop_reason, started_on::text
      from trajectory order by participant_id, created_at desc`);
    expect(latest).toHaveLength(200);
    const share = (status: string) => latest.filter((t) => t.status === status).length / latest.length;
    expect(share('referred')).toBeCloseTo(0.1, 1);
    expect(share('intake')).toBeCloseTo(0.1, 1);
    expect(share('active')).toBeGreaterThan(0.35);
    expect(share('active')).toBeLessThan(0.55);
    expect(share('completed')).toBeGreaterThan(0.17);
    expect(share('completed')).toBeLessThan(0.33);
    expect(share('stopped')).toBeCloseTo(0.1, 1);
    // Some stop early because they found work or started a study: a good result.
    expect(latest.some((t) => ['found_work', 'started_education'].includes(t.stop_reason ?? ''))).toBe(true);
    // Active ones are in month 1 to 6.
    for (const t of latest.filter((t) => t.status === 'active'))
      expect(t.started_on! > addMonths(today, -6)).toBe(true);
    // Every participant lives where a partnership is active, with at most one open trajectory.
    const outside = await rowsOf(sql`
      select p.id from participant p where not exists (
        select 1 from partnership s where s.municipality_code = p.municipality_code and s.status = 'active')`);
    expect(outside).toEqual([]);
  });

  it('stores every name with its search key, in several spellings, and search finds them all', async () => {
    const people = await database.db
      .select({ name: participant.name, key: participant.nameKey })
      .from(participant);
    for (const p of people) expect(p.key, p.name).toBe(nameKey(p.name));
    const mohammeds = people.filter((p) => p.key.split(' ').includes(nameKey('Mohamed')));
    expect(new Set(mohammeds.map((p) => p.name.split(' ')[0])).size).toBeGreaterThan(1);
  });

  it("gives every open trajectory a coach from the participant's region", async () => {
    const open = await rowsOf<{ status: string; coach_id: string | null; in_region: boolean }>(sql`
      select t.status, t.coach_id, exists (
        select 1 from role_assignment r
        where r.user_id = t.coach_id and r.role = 'coach' and r.region_id = m.region_id) as in_region
      from trajectory t join participant p on p.id = t.participant_id
      join municipality m on m.code = p.municipality_code
      where t.status in ('referred', 'intake', 'active')`);
    expect(open.length).toBeGreaterThan(100);
    // A fresh referral may still wait for a coach; from the intake on, everyone has one.
    expect(open.filter((t) => t.status !== 'referred' && t.coach_id === null)).toEqual([]);
    expect(open.filter((t) => t.coach_id !== null && !t.in_region)).toEqual([]);
  });

  it('dates nothing after the reference date, except planned meetings and due dates', async () => {
    const [latest] = await rowsOf<Record<string, string>>(sql`
      select
        (select max(greatest(referred_on, intake_on, started_on, ended_on))::text from trajectory) as trajectory,
        (select max(created_at)::date::text from participant) as participant,
        (select max(assessed_on)::text from language_level) as language_level,
        (select max(saved_at)::date::text from plan_version) as plan_version,
        (select max(agreed_at)::date::text from plan_version) as agreed,
        (select max(changed_at)::date::text from step_progress) as step_progress,
        (select max(held_on)::text from meeting where summary <> '') as meeting,
        (select max(created_at)::date::text from note) as note,
        (select max(applied_on)::text from job_application) as job_application,
        (select max(happened_on)::text from activity) as activity`);
    for (const [table, date] of Object.entries(latest!))
      expect(date <= today, `${table}: ${date}`).toBe(true);
    const [planned] = await rowsOf<{ n: number }>(
      sql`select count(*)::int as n from meeting where held_on > ${today}::date`,
    );
    expect(planned!.n).toBeGreaterThan(0);
  });
});
