import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../../domain/db.ts';
import { buildApp, type AppOptions } from '../app.ts';
import { openPglite, openPostgres, type Database } from '../db/client.ts';
import { demoPassword, loadDemoData } from '../db/demo-data.ts';
import { loadReferenceData } from '../db/reference-data.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database
 * on the PostgreSQL server in TEST_DATABASE_URL (created here and dropped by `dispose`).
 */
export async function createTestDatabase(): Promise<Database & { dispose(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openPglite(null);
    await database.migrate();
    return { ...database, dispose: database.close };
  }
  const name = `opstap_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 5);
  await database.migrate();
  return {
    ...database,
    async dispose() {
      await database.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** A clock the test moves by hand, so timeouts and expiry are tested without waiting. */
export function testClock(start = new Date('2026-03-02T09:00:00Z')) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

export const origin = 'http://opstap.test';

/** The whole app on a fresh database with reference and demo data, driven with `inject`. */
export async function createTestApp(options: Partial<AppOptions> = {}) {
  const database = await createTestDatabase();
  await loadReferenceData(database.db);
  const clock = testClock();
  await loadDemoData(database.db, clock.now().toISOString().slice(0, 10));
  const app = await buildApp({
    database,
    publicUrl: origin,
    clock: clock.now,
    logLevel: false,
    webRoot: '/nonexistent',
    ...options,
  });
  await app.ready();

  /** Logs in and returns headers for further requests as that user (cookie plus our own Origin). */
  async function loginAs(email: string, password = demoPassword) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { origin },
      payload: { email, password },
    });
    if (response.statusCode !== 200) throw new Error(`login as ${email} failed: ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'opstap_session')!;
    return { cookie: `opstap_session=${cookie.value}`, origin };
  }

  return {
    app,
    database,
    db: database.db as Db,
    clock,
    loginAs,
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}

export const demoEmail = (name: string) => `${name}@demo.opstap.nl`;
