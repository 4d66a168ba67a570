// Fills the database in DATA_DIR (or DATABASE_URL): `npm run seed -- [--demo] [--scale demo|region|national]`.
// Always migrates and loads the reference data first. Safe to run again: what is there is not added twice.
import { parseArgs } from 'node:util';
import { count } from 'drizzle-orm';
import { municipality, region } from '../src/domain/organisation/index.ts';
import { loadConfig } from '../src/server/config.ts';
import { openDatabase, type Database } from '../src/server/db/client.ts';
import { demoPassword, demoUsers, loadDemoData } from '../src/server/db/demo-data.ts';
import { loadReferenceData } from '../src/server/db/reference-data.ts';
import { generateSynthetic, isScale, scales, syntheticPassword, type Scale } from './synthetic.ts';

const seconds = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;

async function seed(database: Database, options: { demo: boolean; scale: Scale | undefined }) {
  let start = performance.now();
  await database.migrate();
  const loaded = await loadReferenceData(database.db);
  const [regions] = await database.db.select({ n: count() }).from(region);
  const [municipalities] = await database.db.select({ n: count() }).from(municipality);
  console.log(
    `Migrated (${database.kind}); reference data ${loaded ? 'loaded' : 'already there'}: ` +
      `${regions?.n} regions, ${municipalities?.n} municipalities (${seconds(start)})`,
  );

  if (options.demo) {
    if (!loadConfig().demoMode)
      throw new Error('Demo data has a published password: it is never loaded in production mode.');
    start = performance.now();
    const added = await loadDemoData(database.db);
    console.log(
      added
        ? `Demo data loaded: ${demoUsers.length} accounts, password ${demoPassword} (${seconds(start)})`
        : 'Demo data already there',
    );
  }

  if (options.scale !== undefined) {
    start = performance.now();
    const c = await generateSynthetic(database.db, options.scale);
    console.log(
      `Synthetic data (${options.scale}) added: ${c.coaches} coaches, ${c.trainers} trainers, ${c.regionalLeads} regional leads, ` +
        `${c.municipalityStaff} municipality staff, ${c.employers} employers, ${c.partnerships} partnerships ` +
        `(password ${syntheticPassword}, ${seconds(start)})`,
    );
  }
}

try {
  const { values } = parseArgs({
    options: { demo: { type: 'boolean', default: false }, scale: { type: 'string' } },
  });
  const scale = values.scale;
  if (scale !== undefined && !isScale(scale))
    throw new Error(`Unknown --scale ${scale}: choose one of ${scales.join(', ')}`);
  const database = await openDatabase(loadConfig());
  try {
    await seed(database, { demo: values.demo, scale });
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
