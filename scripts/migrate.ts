// Creates or updates the database schema: `npm run db:migrate`. Safe to run again.
// With DATABASE_OWNER_URL set, it migrates as that owner role and then grants the app role (the user in
// DATABASE_URL) its rights: read and write, but only read and add to the audit log (docs/security.md).
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { loadReferenceData } from '../src/server/db/reference-data.ts';
import { migrateAsOwner } from '../src/server/db/roles.ts';

const config = loadConfig();
try {
  if (config.DATABASE_OWNER_URL) for (const line of await migrateAsOwner(config)) console.log(line);
  const database = await openDatabase(config);
  if (!config.DATABASE_OWNER_URL) await database.migrate();
  await loadReferenceData(database.db);
  await database.close();
  console.log(`Database is up to date (${database.kind}).`);
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
