import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq, like } from 'drizzle-orm';
import { appUser, roleAssignment } from '../src/domain/access/index.ts';
import { employer } from '../src/domain/employers/employers.table.ts';
import { municipality, partnership, region } from '../src/domain/organisation/index.ts';
import { loadReferenceData } from '../src/server/db/reference-data.ts';
import { createTestDatabase } from '../src/server/testing/test-app.ts';
import { generateSynthetic, planSynthetic, syntheticDomain } from './synthetic.ts';

describe('synthetic data', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadReferenceData(database.db);
  });
  afterAll(() => database?.dispose());

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

  it('loads the demo scale in Regio Midden, and loading again adds nothing', async () => {
    const first = await generateSynthetic(database.db, 'demo');
    expect(first).toMatchObject({
      regionalLeads: 1,
      trainers: 3,
      coaches: 50,
      municipalityStaff: 10,
      employers: 20,
    });

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
    expect(afterFirst).toEqual({ users, roles: users, employers: 20, partnerships: first.partnerships });

    const second = await generateSynthetic(database.db, 'demo');
    expect(second).toEqual({
      regionalLeads: 0,
      trainers: 0,
      coaches: 0,
      municipalityStaff: 0,
      employers: 0,
      partnerships: 0,
    });
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
});
