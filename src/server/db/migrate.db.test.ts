import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { municipality, region } from '../../domain/organisation/index.ts';
import { createTestDatabase } from '../testing/test-app.ts';
import { loadDemoData } from './demo-data.ts';
import { loadReferenceData } from './reference-data.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

it('migrations and reference data can run again without change', async () => {
  await database.migrate();
  expect(await loadReferenceData(database.db)).toBe(true);
  await database.migrate();
  expect(await loadReferenceData(database.db)).toBe(false);
  const result = await database.db.execute(
    sql`select (select count(*)::int from ${municipality}) as municipalities, (select count(*)::int from ${region}) as regions`,
  );
  const [counts] = (result as unknown as { rows: unknown[] }).rows;
  expect(counts).toEqual({ municipalities: 342, regions: 5 });
});

it('demo data is loaded once', async () => {
  expect(await loadDemoData(database.db)).toBe(true);
  expect(await loadDemoData(database.db)).toBe(false);
});
