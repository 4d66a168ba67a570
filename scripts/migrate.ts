// Creates or updates the database schema: `npm run db:migrate`. Safe to run again.
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { loadReferenceData } from '../src/server/db/reference-data.ts';

const config = loadConfig();
try {
  const database = await openDatabase(config);
  await database.migrate();
  await loadReferenceData(database.db);
  await database.close();
  console.log(`Database is up to date (${database.kind}).`);
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
