import { createHash } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { DomainError, type Ctx, type JobDefinition, type JobQueue } from '../domain/context.ts';
import type { Db } from '../domain/db.ts';
import type { Database } from './db/client.ts';
import { databaseFailure } from './plugins/errors.ts';

/**
 * The job queue: pg-boss (decision 0010) on the app's own database, PGlite or a server. pg-boss keeps its
 * tables in the schema `pgboss`, takes jobs with `FOR UPDATE SKIP LOCKED` (so two instances never run the same
 * job), retries with growing waits, and runs each recurring job once per tick across instances.
 */
export type Jobs = {
  queue: JobQueue;
  /** Jobs that failed all their tries, newest first, for administrators. */
  findFailed(): Promise<FailedJob[]>;
  retry(name: string, id: string): Promise<void>;
  /** Runs every due job of these names once, in this process (tests and scripts). */
  drain(names?: string[]): Promise<number>;
  stop(): Promise<void>;
};

export type FailedJob = { id: string; name: string; failedAt: string; tries: number; reason: string };

/** pg-boss writes SQL with `$1` parameters; in a Drizzle transaction the same query becomes a Drizzle one. */
function asDrizzle(text: string, values: unknown[] = []): SQL {
  const chunks: SQL[] = [];
  let last = 0;
  for (const match of text.matchAll(/\$(\d+)/g)) {
    chunks.push(sql.raw(text.slice(last, match.index)));
    chunks.push(sql`${values[Number(match[1]) - 1] ?? null}`);
    last = match.index + match[0].length;
  }
  chunks.push(sql.raw(text.slice(last)));
  return sql.join(chunks);
}

const inTransaction = (tx: Db): PgBoss.Db => ({
  executeSql: async (text, values) => (await tx.execute(asDrizzle(text, values))) as unknown as { rows: [] },
});

/** A job with a key gets an id made from it, so adding it twice adds it once (pg-boss: on conflict do nothing). */
function idFor(name: string, key: string) {
  const hex = createHash('sha256').update(`${name}\u0001${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** What a failed job records: a code, never a message (a database message holds SQL parameters). */
function reasonOf(error: unknown) {
  if (error instanceof DomainError) return error.code;
  const failure = databaseFailure(error);
  if (failure) return `database ${failure.sqlState ?? 'error'}`;
  return error instanceof Error ? error.name : 'error';
}

const retryDefaults = { retryLimit: 5, retryDelay: 30, retryBackoff: true };

export async function createJobs(
  database: Pick<Database, 'executeSql'>,
  options: {
    definitions: JobDefinition[];
    /** A context for one job run: no actor, the app's clock, sender and queue. */
    ctxFor: (queue: JobQueue) => Ctx;
    /** false when the app's database role may not create tables: the owner installs the queue (db:migrate). */
    install?: boolean;
    /** Run jobs in this process (and keep the schedules); without, jobs are only added (tests use `drain`). */
    worker?: boolean;
    pollingIntervalSeconds?: number;
  },
): Promise<Jobs> {
  const worker = options.worker ?? false;
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.executeSql(text, values) as Promise<{ rows: [] }> },
    migrate: options.install ?? true,
    // Maintenance (expiry, archiving) and schedules run where jobs are worked on.
    supervise: worker,
    schedule: worker,
  });
  // pg-boss reports problems of its own loop as events; they carry no personal data we put in, but keep it short.
  boss.on('error', () => undefined);
  await boss.start();
  const byName = new Map(options.definitions.map((d) => [d.name, d]));
  if (options.install ?? true) await installQueues(boss, options.definitions);

  const queue: JobQueue = {
    async enqueue(tx, name, data, { startAfter, key } = {}) {
      if (!byName.has(name)) throw new Error(`No job called ${name}: register it in src/server/modules.ts`);
      await boss.send(name, data, {
        db: inTransaction(tx),
        ...(startAfter ? { startAfter } : {}),
        ...(key ? { id: idFor(name, key) } : {}),
      });
    },
  };

  async function runOne(definition: JobDefinition, data: object) {
    try {
      await definition.run(options.ctxFor(queue), data as Record<string, unknown>);
    } catch (error) {
      throw new Error(reasonOf(error));
    }
  }

  if (worker)
    for (const definition of options.definitions) {
      await boss.work(
        definition.name,
        { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2, batchSize: 1 },
        async ([job]) => runOne(definition, job!.data as object),
      );
      // pg-boss adds a recurring job once per tick, whichever instance's clock gets there first.
      if (definition.schedule)
        await boss.schedule(definition.name, definition.schedule, {}, { tz: 'Europe/Amsterdam' });
    }

  let stopped = false;
  return {
    queue,
    async findFailed() {
      const { rows } = await database.executeSql(
        `select id, name, completed_on, retry_count, output from pgboss.job where state = 'failed'
         order by completed_on desc limit 200`,
      );
      return (
        rows as { id: string; name: string; completed_on: Date; retry_count: number; output: unknown }[]
      ).map((r) => ({
        id: r.id,
        name: r.name,
        failedAt: new Date(r.completed_on).toISOString(),
        tries: r.retry_count + 1,
        reason: String((r.output as { message?: string } | null)?.message ?? 'error'),
      }));
    },
    retry: (name, id) => boss.retry(name, id),
    async drain(names) {
      let ran = 0;
      for (const definition of options.definitions) {
        if (names && !names.includes(definition.name)) continue;
        for (;;) {
          const [job] = (await boss.fetch(definition.name, { batchSize: 1 })) ?? [];
          if (!job) break;
          try {
            await runOne(definition, job.data as object);
            await boss.complete(definition.name, job.id);
          } catch (error) {
            await boss.fail(definition.name, job.id, { message: (error as Error).message });
          }
          ran++;
        }
      }
      return ran;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await boss.stop({ graceful: true, wait: true });
    },
  };
}

/** Each job has its queue (pg-boss 10 makes a table per queue); made once, by whoever installs. */
export async function installQueues(boss: PgBoss, definitions: JobDefinition[]) {
  for (const definition of definitions) {
    if (await boss.getQueue(definition.name)) continue;
    const retries = definition.retries ?? retryDefaults.retryLimit;
    for (let attempt = 1; ; attempt++) {
      try {
        await boss.createQueue(definition.name, {
          name: definition.name,
          ...retryDefaults,
          retryLimit: retries,
        });
        break;
      } catch (error) {
        // Another instance made it at the same moment.
        if (await boss.getQueue(definition.name)) break;
        // Two instances starting at once can deadlock on pg-boss's tables; PostgreSQL stops one: it tries again.
        if (attempt >= 5 || databaseFailure(error)?.sqlState !== '40P01') throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
      }
    }
  }
}

/** Makes the queue's schema and tables (the owner's job where the app's role may not create tables). */
export async function installJobQueue(database: Pick<Database, 'executeSql'>, definitions: JobDefinition[]) {
  const boss = new PgBoss({
    db: { executeSql: (text, values) => database.executeSql(text, values) as Promise<{ rows: [] }> },
    migrate: true,
    supervise: false,
    schedule: false,
  });
  boss.on('error', () => undefined);
  await boss.start();
  await installQueues(boss, definitions);
  await boss.stop({ graceful: false, wait: true });
}
