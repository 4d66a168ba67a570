// Brings a backup made by `npm run backup` into an empty DATA_DIR: `npm run restore -- FILE` (decision 0012).
// The restored database is opened and migrated before it takes its place; a non-empty folder is refused.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/server/config.ts';
import { restoreBackup } from '../src/server/db/backup.ts';

try {
  const config = loadConfig({
    DATA_DIR: process.env.DATA_DIR,
    DATABASE_URL: process.env.DATABASE_URL,
    TOTP_ENCRYPTION_KEY: process.env.TOTP_ENCRYPTION_KEY,
  });
  if (config.DATABASE_URL)
    throw new Error(
      'DATABASE_URL is set: restore a PostgreSQL server with pg_restore (README, "Operations"); this restores the embedded database only',
    );
  const [name] = process.argv.slice(2);
  if (!name) throw new Error('name the backup: npm run restore -- FILE');
  const file = resolve(process.env.INIT_CWD ?? process.cwd(), name);
  const done = await restoreBackup({ dataDir: config.DATA_DIR, file });
  console.log(
    `Restored ${file} into ${done.folder}: it opens, is migrated, and holds ${done.accounts} accounts.`,
  );
  // Second-factor secrets are encrypted with TOTP_ENCRYPTION_KEY, or in demo mode with DATA_DIR/totp.key.
  if (!config.TOTP_ENCRYPTION_KEY && !existsSync(join(config.DATA_DIR, 'totp.key')))
    console.log(
      'Set the same TOTP_ENCRYPTION_KEY as before (or copy the old DATA_DIR/totp.key here), or second factors cannot be checked.',
    );
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
