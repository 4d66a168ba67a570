// Copies the embedded database to a file, also while Opstap runs: `npm run backup [-- FILE]` (decision 0012).
// Without FILE: DATA_DIR/backups/opstap-backup-<time>.tar.gz. Bring it back with `npm run restore -- FILE`.
import { resolve } from 'node:path';
import { loadConfig } from '../src/server/config.ts';
import { backupDataDir, defaultBackupFile } from '../src/server/db/backup.ts';

try {
  // Only the settings a backup needs: production mail and keys do not matter here.
  const config = loadConfig({ DATA_DIR: process.env.DATA_DIR, DATABASE_URL: process.env.DATABASE_URL });
  if (config.DATABASE_URL)
    throw new Error(
      'DATABASE_URL is set: back up a PostgreSQL server with pg_dump (README, "Operations"); this copies the embedded database only',
    );
  const [name] = process.argv.slice(2);
  // npm runs scripts in the package folder; a file name is meant from where npm was called.
  const file = name
    ? resolve(process.env.INIT_CWD ?? process.cwd(), name)
    : resolve(defaultBackupFile(config.DATA_DIR));
  const started = performance.now();
  const done = await backupDataDir({ dataDir: config.DATA_DIR, file });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Backup written to ${done.file} (${(done.bytes / 1e6).toFixed(1)} MB, from the ${done.from}, ${seconds} s).`,
  );
  console.log('It holds personal data: keep it as safe as the database, and away from this machine.');
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
