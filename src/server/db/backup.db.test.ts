import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDataDir, claimDataDir, opsSocketPath, pgliteFolder, restoreBackup } from './backup.ts';
import { openPglite, type Database } from './client.ts';

const folders: string[] = [];
const newDataDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'opstap-backup-'));
  folders.push(dir);
  return dir;
};
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function probeRows(database: Database) {
  const { rows } = await database.executeSql('select n from backup_probe');
  return new Set((rows as { n: number }[]).map((row) => row.n));
}

/** Every write `n` is a transaction of two rows, n and -n: a copy holds both or neither. */
function startWriters(database: Database, writers: number) {
  const acknowledged: number[] = [];
  let next = 1;
  let stopped = false;
  const loops = Array.from({ length: writers }, async () => {
    while (!stopped) {
      const n = next++;
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into backup_probe (n) values (${n})`);
        await tx.execute(sql`insert into backup_probe (n) values (${-n})`);
      });
      acknowledged.push(n);
      // PGlite answers without I/O: without a turn of the event loop the writers would starve everything else.
      await new Promise((resolve) => setImmediate(resolve));
    }
  });
  return {
    acknowledged,
    async stop() {
      stopped = true;
      await Promise.all(loops);
    },
  };
}

// A copy of the embedded database (PGlite in DATA_DIR). A PostgreSQL server is backed up with pg_dump, so the
// PostgreSQL pass (TEST_DATABASE_URL set) lists this file as skipped.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
  'backups of the embedded database (PGlite only)',
  () => {
    // Made in beforeAll: a skipped file makes no folders.
    let dataDir = '';
    let file = '';
    let acknowledgedBefore: number[] = [];
    let allAcknowledged: number[] = [];
    beforeAll(() => {
      dataDir = newDataDir();
      file = join(newDataDir(), 'during-writes.tar.gz');
    });

    it('copies the running database through its ops socket while writes go on', async () => {
      // What main.ts does for an embedded database.
      const ops = await claimDataDir(dataDir, 'Opstap is starting');
      const database = await openPglite(pgliteFolder(dataDir));
      ops.serve(database);
      let writes: ReturnType<typeof startWriters> | undefined;
      try {
        await database.migrate();
        await database.executeSql('create table backup_probe (n integer primary key)');
        expect(statSync(opsSocketPath(dataDir)).mode & 0o777).toBe(0o600);
        // Another process cannot take the folder while it is held.
        await expect(claimDataDir(dataDir, 'busy')).rejects.toThrow(/Another Opstap process uses/);

        writes = startWriters(database, 4);
        while (writes.acknowledged.length < 50) await new Promise((resolve) => setTimeout(resolve, 5));
        acknowledgedBefore = [...writes.acknowledged];
        const done = await backupDataDir({ dataDir, file });
        const acknowledgedDuring = writes.acknowledged.length - acknowledgedBefore.length;
        await writes.stop();
        allAcknowledged = [...writes.acknowledged];

        expect(done.from).toBe('running app');
        expect(done.bytes).toBe(statSync(file).size);
        expect(statSync(file).mode & 0o777).toBe(0o600);
        // The writes really went on while the copy was asked for and made.
        expect(acknowledgedDuring).toBeGreaterThan(0);
        await expect(backupDataDir({ dataDir, file })).rejects.toThrow(/exists already/);
      } finally {
        await writes?.stop();
        await ops.close();
        await database.close();
      }
    });

    it('restores it into an empty folder with every write acknowledged before the backup began', async () => {
      expect(acknowledgedBefore.length).toBeGreaterThanOrEqual(50);
      const target = newDataDir();
      const done = await restoreBackup({ dataDir: target, file });
      expect(done.folder).toBe(pgliteFolder(target));
      const restored = await openPglite(pgliteFolder(target));
      try {
        // Migrations found nothing left to do, and the rows are there.
        await restored.migrate();
        const rows = await probeRows(restored);
        expect(acknowledgedBefore.filter((n) => !rows.has(n))).toEqual([]);
        // Whole transactions only.
        expect([...rows].filter((n) => !rows.has(-n))).toEqual([]);
      } finally {
        await restored.close();
      }
      await expect(restoreBackup({ dataDir: target, file })).rejects.toThrow(
        /The database folder .*pglite is not empty/,
      );
    });

    it('copies the data folder itself when no app holds it, and that copy restores too', async () => {
      expect(allAcknowledged.length).toBeGreaterThan(acknowledgedBefore.length);
      const offline = join(newDataDir(), 'stopped.tar.gz');
      const done = await backupDataDir({ dataDir, file: offline });
      expect(done.from).toBe('data folder');
      const target = newDataDir();
      await restoreBackup({ dataDir: target, file: offline });
      const restored = await openPglite(pgliteFolder(target));
      try {
        const rows = await probeRows(restored);
        expect(allAcknowledged.filter((n) => !rows.has(n))).toEqual([]);
        expect(rows.size).toBe(allAcknowledged.length * 2);
      } finally {
        await restored.close();
      }
    });
  },
);
