import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DomainError, noContributions, type Ctx, type JobDefinition } from '../domain/context.ts';
import { ephemeralSecretBox } from '../domain/access/index.ts';
import { outboxSender } from '../domain/notifications/index.ts';
import { createJobs, type Jobs } from './jobs.ts';
import { createTestDatabase, testClock } from './testing/test-app.ts';

const database = await createTestDatabase();
const clock = testClock();
let failNext = true;

const rows = async <T>(query: string) => (await database.executeSql(query)).rows as T[];

/** Each run counts itself in a table, so a job that ran twice shows. */
const definitions: JobDefinition[] = [
  {
    name: 'test.count',
    run: async (ctx, data) => {
      await ctx.db
        .execute(sql`insert into job_run (key, runs, at) values (${data.key as string}, 1, ${ctx.clock()})
        on conflict (key) do update set runs = job_run.runs + 1`);
    },
  },
  {
    name: 'test.flaky',
    retries: 0,
    run: async () => {
      if (failNext) {
        failNext = false;
        // A database-like failure whose message holds personal data: the job keeps only a code.
        throw new DomainError('resource.conflict', { name: 'Amina Haidari' }, 'Amina Haidari is busy');
      }
    },
  },
  { name: 'test.daily', run: async () => undefined, schedule: '0 7 * * *' },
];

const ctxFor =
  () =>
  (queue: Ctx['jobs']): Ctx => ({
    db: database.db,
    actor: null,
    clock: clock.now,
    log: { info() {}, warn() {}, error() {}, debug() {} } as unknown as Ctx['log'],
    requestId: null,
    sender: outboxSender,
    publicUrl: 'http://x.test',
    ip: null,
    demoMode: true,
    secretBox: ephemeralSecretBox(),
    jobs: queue,
    contributions: noContributions,
  });

let jobs: Jobs;
beforeAll(async () => {
  await database.executeSql('create table job_run (key text primary key, runs int not null, at timestamptz)');
  jobs = await createJobs(database, { definitions, ctxFor: ctxFor() });
});
afterAll(async () => {
  await jobs.stop();
  await database.dispose();
});

it('a job exists only if the transaction that added it commits', async () => {
  await database.db
    .transaction(async (tx) => {
      await jobs.queue.enqueue(tx, 'test.count', { key: 'rolled-back' });
      throw new Error('the change failed');
    })
    .catch(() => undefined);
  await database.db.transaction((tx) => jobs.queue.enqueue(tx, 'test.count', { key: 'committed' }));
  expect(await jobs.drain(['test.count'])).toBe(1);
  expect(await rows<{ key: string; at: Date }>('select key, at from job_run')).toEqual([
    { key: 'committed', at: clock.now() }, // the handler got the injected clock
  ]);
});

it('a job added twice with the same key is added once', async () => {
  for (let i = 0; i < 3; i++)
    await jobs.queue.enqueue(
      database.db,
      'test.count',
      { key: 'reminder-1' },
      { key: 'session-1:participant-1' },
    );
  await jobs.drain(['test.count']);
  expect(await rows(`select runs from job_run where key = 'reminder-1'`)).toEqual([{ runs: 1 }]);
});

it('a job for later waits', async () => {
  await jobs.queue.enqueue(
    database.db,
    'test.count',
    { key: 'later' },
    { startAfter: new Date(Date.now() + 3_600_000) },
  );
  expect(await jobs.drain(['test.count'])).toBe(0);
});

it('a failed job is listed for administrators with a code, never its message, and can be retried', async () => {
  await jobs.queue.enqueue(database.db, 'test.flaky', {});
  await jobs.drain(['test.flaky']);
  const failed = await jobs.findFailed();
  expect(failed).toHaveLength(1);
  expect(failed[0]).toMatchObject({ name: 'test.flaky', reason: 'resource.conflict' });
  expect(JSON.stringify(await rows(`select output from pgboss.job where name = 'test.flaky'`))).not.toContain(
    'Amina',
  );
  await jobs.retry('test.flaky', failed[0]!.id);
  expect(await jobs.drain(['test.flaky'])).toBe(1);
  expect(await jobs.findFailed()).toHaveLength(0);
});

it('an unknown job name is refused at once', async () => {
  await expect(jobs.queue.enqueue(database.db, 'test.unknown', {})).rejects.toThrow(/modules.ts/);
});

it('two instances working on the same queue run each job exactly once', async () => {
  const workers = await Promise.all(
    [1, 2].map(() =>
      createJobs(database, { definitions, ctxFor: ctxFor(), worker: true, pollingIntervalSeconds: 0.5 }),
    ),
  );
  const keys = Array.from({ length: 30 }, (_, i) => `parallel-${i}`);
  for (const key of keys) await jobs.queue.enqueue(database.db, 'test.count', { key });
  for (let waited = 0; waited < 20_000; waited += 250) {
    const [done] = await rows<{ n: number }>(
      `select count(*)::int as n from job_run where key like 'parallel-%'`,
    );
    if (done!.n === keys.length) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  await Promise.all(workers.map((w) => w.stop()));
  const runs = await rows<{ runs: number }>(`select runs from job_run where key like 'parallel-%'`);
  expect(runs).toHaveLength(keys.length);
  expect(runs.every((r) => r.runs === 1)).toBe(true);
  // The recurring job is scheduled once, in Dutch time, however many instances start.
  expect(await rows(`select name, cron, timezone from pgboss.schedule`)).toEqual([
    { name: 'test.daily', cron: '0 7 * * *', timezone: 'Europe/Amsterdam' },
  ]);
});
