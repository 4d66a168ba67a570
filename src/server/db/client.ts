import { mkdirSync, accessSync, constants } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { btree_gin } from '@electric-sql/pglite/contrib/btree_gin';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Db } from '../../domain/db.ts';
import * as schema from '../../domain/schema.ts';

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;
  /** Plain SQL with `$1` parameters (or several statements without), for the job queue's own queries. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
  /** Calls `listener` with every SQL statement Drizzle sends (tests count statements per request). */
  onQuery(listener: (sql: string) => void): () => void;
};

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));
const options = { schema, casing: 'snake_case' as const };

/** Drizzle's logger, turned into a list of listeners that tests can join and leave. */
function queryListeners() {
  const listeners = new Set<(sql: string) => void>();
  return {
    logger: { logQuery: (query: string) => listeners.forEach((listener) => listener(query)) },
    onQuery(listener: (sql: string) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/**
 * How every embedded database opens: with pg_trgm and btree_gin, for the same name search (region and trigrams in
 * one index) as on a server (0004, 0006).
 */
export const pgliteOptions = { extensions: { pg_trgm, btree_gin } };

/** Embedded PGlite in `dataDir` (or in memory), the database of a single office and of the tests. */
export async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir) {
    try {
      mkdirSync(dataDir, { recursive: true });
      accessSync(dataDir, constants.W_OK);
    } catch {
      throw new Error(
        `Cannot write to the data directory ${dataDir}: choose another DATA_DIR or fix its permissions.`,
      );
    }
  }
  const client = await PGlite.create(dataDir ?? undefined, pgliteOptions);
  // The one connection chains every audit row to the one before (migration 0002), so a changed or removed row
  // shows in `npm run audit:verify`. A server relies on database roles instead (roles.ts, docs/security.md).
  await client.exec("set opstap.audit_chain = 'on'");
  const { logger, onQuery } = queryListeners();
  const db = drizzlePglite(client, { ...options, logger }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    onQuery,
    executeSql: async (text, values) =>
      values?.length ? client.query(text, values) : ((await client.exec(text)).at(-1) ?? { rows: [] }),
    // PGlite has one connection, so nobody else can migrate at the same time. Drizzle runs all pending
    // migrations in one transaction: a failing one leaves the database as it was.
    migrate: () => migratePglite(drizzlePglite(client, options), { migrationsFolder }),
    ping: async () => (await client.query('select 1')).rows.length === 1,
    close: () => client.close(),
  };
}

/** A PostgreSQL server: what a region or the country runs, with several app instances. */
/** Connection settings for a PostgreSQL server (DATABASE_POOL_SIZE, DATABASE_STATEMENT_TIMEOUT_MS, …). */
export type PoolSettings = {
  poolSize: number;
  statementTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
};
const poolDefaults: PoolSettings = {
  poolSize: 10,
  statementTimeoutMs: 30_000,
  idleInTransactionTimeoutMs: 60_000,
};

export async function openPostgres(
  url: string,
  settings: Partial<PoolSettings> | number = {},
): Promise<Database> {
  const { poolSize, statementTimeoutMs, idleInTransactionTimeoutMs } = {
    ...poolDefaults,
    ...(typeof settings === 'number' ? { poolSize: settings } : settings),
  };
  // JIT makes the report queries 2-3x slower at this scale. A runaway query or a transaction left open ends
  // on its own instead of holding locks.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    options: `-c jit=off -c statement_timeout=${statementTimeoutMs} -c idle_in_transaction_session_timeout=${idleInTransactionTimeoutMs}`,
  });
  // An idle connection the server closes (a restart, a dropped test database) must not end the process;
  // the pool opens a new one for the next query.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Cannot reach the database in DATABASE_URL (${reason}): check the address, user and that the server runs.`,
    );
  }
  const { logger, onQuery } = queryListeners();
  const db = drizzlePg(pool, { ...options, logger }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    onQuery,
    executeSql: (text, values) => pool.query(text, values),
    async migrate() {
      // Several instances may start at once: an advisory lock lets one migrate while the others wait.
      const lock = await pool.connect();
      try {
        await lock.query('select pg_advisory_lock(7238401)');
        await migratePg(drizzlePg(pool, options), { migrationsFolder });
      } catch (error) {
        // The app role (DATABASE_URL with DATABASE_OWNER_URL set) may not change the schema: say what to do.
        if (causes(error).some((e) => (e as { code?: string }).code === '42501'))
          throw new Error(
            'The role in DATABASE_URL may not change the database schema: migrate with the owner role in DATABASE_OWNER_URL (see docs/security.md)',
            { cause: error },
          );
        throw error;
      } finally {
        await lock.query('select pg_advisory_unlock(7238401)').catch(() => undefined);
        lock.release();
      }
    },
    ping: () =>
      db.execute(sql`select 1`).then(
        () => true,
        () => false,
      ),
    close: () => pool.end(),
  };
}

/** An error and the errors it wraps (Drizzle wraps the driver's error in its own). */
function causes(error: unknown): unknown[] {
  const list: unknown[] = [];
  for (let e = error; e instanceof Error && list.length < 5; e = e.cause) list.push(e);
  return list;
}

export function openDatabase(config: {
  DATABASE_URL?: string;
  DATA_DIR: string;
  DATABASE_POOL_SIZE?: number;
  DATABASE_STATEMENT_TIMEOUT_MS?: number;
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS?: number;
}) {
  return config.DATABASE_URL
    ? openPostgres(config.DATABASE_URL, {
        ...(config.DATABASE_POOL_SIZE ? { poolSize: config.DATABASE_POOL_SIZE } : {}),
        ...(config.DATABASE_STATEMENT_TIMEOUT_MS
          ? { statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS }
          : {}),
        ...(config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS
          ? { idleInTransactionTimeoutMs: config.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS }
          : {}),
      })
    : openPglite(`${config.DATA_DIR.replace(/\/$/, '')}/pglite`);
}
