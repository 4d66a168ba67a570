// `npm run bench`: how fast are the busiest screens at national size, on PGlite and on PostgreSQL? And how much
// JavaScript does the portal's first page load? `npm run bench -- --only portal-size` measures only the latter;
// `--only pglite` or `--only postgres` measures the endpoints on one database.
//
// First the portal's first-load JavaScript (bench/portal-size.ts). Then, per database, it loads the reference,
// demo and `national` synthetic data (50,000 participants, about a million coaching records; the load time and
// rows per table are printed) and measures four endpoints, each in two ways:
//  - baseline: the query or use case the endpoint runs, called directly, 200 runs one after another: what the
//    database and the domain code alone cost;
//  - HTTP at one connection for 10 s (BENCH_SECONDS): one request at a time, so HTTP p50 − baseline p50 is the
//    per-request overhead alone (session, access, validation, serialisation, the audit line);
//  - HTTP: autocannon (in its own process) with 50 connections for 10 s against the endpoint, signed in.
// The endpoints, as who:
//  - GET /api/partnerships, the demo regional lead; baseline `selectPartnerships` (raw SQL);
//  - GET /api/caseload, a synthetic coach with a typical caseload (the median number of open trajectories);
//    baseline the use case `getCaseload`;
//  - GET /api/participants/{id}, the participant file, that coach for one of their active participants;
//    baseline the use case `getParticipantFile`;
//  - GET /api/participants?q=mohamed&limit=100, the search, as the synthetic regional lead of the region with
//    the most participants; baseline `selectParticipants` (raw SQL) with the same scope.
// Reading it: the figures describe this machine only; compare them between runs on the same machine. With 50
// connections at once, HTTP latency is mostly waiting in line (latency ≈ connections ÷ req/s), so the
// HTTP ÷ baseline ratio shows queueing plus per-request overhead, not the cost of one request. PGlite has one
// connection and runs in the server's thread: its requests queue, and that is expected. The PostgreSQL server
// runs on the same machine, so it shares the CPUs with the app and the load generator.
// Requests with no answer within 10 s count as errors (timeouts) and are not in the latencies.
// It prints figures, never pass/fail, and writes them to bench/results/latest.json.
import { ephemeralSecretBox } from '../src/domain/access/index.ts';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { and, asc, count, desc, eq, inArray, like } from 'drizzle-orm';
import pg from 'pg';
import type { Actor, Ctx } from '../src/domain/context.ts';
import { appUser, roleAssignment } from '../src/domain/access/index.ts';
import { outboxSender } from '../src/domain/notifications/index.ts';
import { municipality, partnershipReadScope, region } from '../src/domain/organisation/index.ts';
import { selectPartnerships } from '../src/domain/organisation/organisation.queries.ts';
import { getParticipantFile } from '../src/domain/participants/participant-file.ts';
import { fullFileScope, referralStatusScope } from '../src/domain/participants/participants.policy.ts';
import { selectParticipants } from '../src/domain/participants/participants.queries.ts';
import { participant } from '../src/domain/participants/participants.table.ts';
import { getCaseload } from '../src/domain/trajectories/caseload.ts';
import { trajectory } from '../src/domain/trajectories/trajectories.table.ts';
import { buildApp } from '../src/server/app.ts';
import { moduleContributions } from '../src/server/modules.ts';
import { openPglite, openPostgres, type Database } from '../src/server/db/client.ts';
import { demoPassword, loadDemoData } from '../src/server/db/demo-data.ts';
import { loadReferenceData } from '../src/server/db/reference-data.ts';
import {
  generateSynthetic,
  syntheticDomain,
  syntheticPassword,
  type SyntheticLoad,
} from '../scripts/synthetic.ts';
import type { LoadOptions, LoadResult } from './load.ts';
import { measurePortal, printPortal } from './portal-size.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;
const baselineRuns = 200;
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const searchTerm = 'mohamed';

type Percentiles = { p50: number; p95: number; p99: number };
type Result = {
  endpoint: string;
  kind: string;
  connections: string;
  /** Who calls it. */
  as: string;
  baseline: Percentiles & { of: string; runs: number };
  /** What the baseline returned: partnerships in scope, caseload items, trajectories in the file, search hits. */
  rows: number;
  http: Percentiles & Omit<LoadResult, 'latencies'>;
  httpToBaselineRatio: number;
  /** One connection, one request at a time: the per-request overhead alone (HTTP p50 − baseline p50). */
  oneConnection: Percentiles & { requestsPerSecond: number; overheadMs: number };
};
type DataLoad = {
  kind: string;
  loadSeconds: number;
  syntheticSeconds: number;
  counts: Omit<SyntheticLoad, 'tables'>;
  tables: SyntheticLoad['tables'];
};

/** Nearest-rank percentiles, in ms with two decimals. */
function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) =>
    Math.round(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]! * 100) / 100;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

function runLoad(options: LoadOptions) {
  return new Promise<LoadResult>((resolve, reject) => {
    const child = fork(new URL('./load.ts', import.meta.url), {
      execArgv: ['--import', import.meta.resolve('tsx')],
    });
    child.once('message', (result) => resolve(result as LoadResult));
    child.once('error', reject);
    child.once(
      'exit',
      (code) => code !== 0 && reject(new Error(`the load generator stopped with code ${code}`)),
    );
    child.send(options);
  });
}

const quietLog = { info() {}, warn() {}, error() {}, debug() {} };

async function actorFor(database: Database, email: string): Promise<Actor> {
  const [user] = await database.db.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, email));
  if (!user) throw new Error(`no account ${email}`);
  const roles = await database.db
    .select({
      role: roleAssignment.role,
      regionId: roleAssignment.regionId,
      municipalityCode: roleAssignment.municipalityCode,
      municipalFunction: roleAssignment.municipalFunction,
      employerId: roleAssignment.employerId,
    })
    .from(roleAssignment)
    .where(eq(roleAssignment.userId, user.id));
  return { userId: user.id, sessionId: null, roles };
}

/** The synthetic coach with the median number of open trajectories, and one of their active participants. */
async function typicalCoach(database: Database) {
  const db = database.db;
  const loads = await db
    .select({ email: appUser.email, coachId: trajectory.coachId, open: count() })
    .from(trajectory)
    .innerJoin(appUser, eq(appUser.id, trajectory.coachId))
    .where(
      and(
        inArray(trajectory.status, ['referred', 'intake', 'active']),
        like(appUser.email, `coach%@${syntheticDomain}`),
      ),
    )
    .groupBy(appUser.email, trajectory.coachId)
    .orderBy(asc(count()), asc(appUser.email));
  const coach = loads[Math.floor(loads.length / 2)]!;
  const [file] = await db
    .select({ id: participant.id })
    .from(trajectory)
    .innerJoin(participant, eq(participant.id, trajectory.participantId))
    .where(and(eq(trajectory.coachId, coach.coachId!), eq(trajectory.status, 'active')))
    .orderBy(participant.name, participant.id)
    .limit(1);
  const sorted = loads.map((l) => l.open);
  return {
    email: coach.email,
    open: coach.open,
    spread: `p10 ${sorted[Math.floor(sorted.length * 0.1)]}, median ${coach.open}, p90 ${sorted[Math.floor(sorted.length * 0.9)]}`,
    participantId: file!.id,
  };
}

/** The synthetic regional lead of the region with the most participants. */
async function busiestLead(database: Database) {
  const [busiest] = await database.db
    .select({ regionId: municipality.regionId, n: count() })
    .from(participant)
    .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
    .groupBy(municipality.regionId)
    .orderBy(desc(count()))
    .limit(1);
  const [lead] = await database.db
    .select({ email: appUser.email, region: region.name })
    .from(roleAssignment)
    .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
    .innerJoin(region, eq(region.id, roleAssignment.regionId))
    .where(
      and(
        eq(roleAssignment.role, 'regional_lead'),
        eq(roleAssignment.regionId, busiest!.regionId!),
        like(appUser.email, `%@${syntheticDomain}`),
      ),
    );
  return { email: lead!.email, region: lead!.region, participants: busiest!.n };
}

type Endpoint = {
  endpoint: string;
  as: string;
  email: string;
  password: string;
  path: string;
  baselineOf: string;
  /** One baseline run; answers the number of rows it returned. */
  baseline: () => Promise<number>;
};

async function bench(database: Database, connectionNote: string) {
  const log = (line: string) => console.log(`[${database.kind}] ${line}`);
  const db = database.db;

  let start = performance.now();
  await database.migrate();
  await loadReferenceData(db);
  await loadDemoData(db);
  const syntheticStart = performance.now();
  const { tables, ...counts } = await generateSynthetic(db, 'national', { log: (line) => log(line) });
  const syntheticSeconds = Math.round(performance.now() - syntheticStart) / 1000;
  const loadSeconds = Math.round(performance.now() - start) / 1000;
  log(
    `loaded reference, demo and national data in ${loadSeconds} s (synthetic: ${syntheticSeconds} s; ` +
      `${counts.coaches} coaches, ${counts.partnerships} partnerships, ${counts.participants} participants, ` +
      `${counts.meetings + counts.notes + counts.jobApplications + counts.activities} coaching records)`,
  );
  const data: DataLoad = { kind: database.kind, loadSeconds, syntheticSeconds, counts, tables };

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const ctxFor = (actor: Actor): Ctx => ({
    db,
    actor,
    clock: () => new Date(),
    log: quietLog,
    requestId: null,
    sender: outboxSender,
    publicUrl: base,
    ip: null,
    demoMode: true,
    secretBox: ephemeralSecretBox(),
    jobs: { enqueue: async () => undefined },
    contributions: moduleContributions,
  });

  const regional = await actorFor(database, 'regional@demo.opstap.nl');
  const coach = await typicalCoach(database);
  const coachActor = await actorFor(database, coach.email);
  const lead = await busiestLead(database);
  const leadActor = await actorFor(database, lead.email);
  log(
    `typical coach ${coach.email}: ${coach.open} open trajectories (all synthetic coaches: ${coach.spread})`,
  );
  log(`search as ${lead.email}, lead of ${lead.region} with ${lead.participants} participants`);

  const endpoints: Endpoint[] = [
    {
      endpoint: 'GET /api/partnerships',
      as: 'demo regional lead',
      email: 'regional@demo.opstap.nl',
      password: demoPassword,
      path: '/api/partnerships?limit=100&offset=0',
      baselineOf: 'raw SQL',
      baseline: async () =>
        (await selectPartnerships(db, partnershipReadScope(regional), { limit: 100, offset: 0 })).total,
    },
    {
      endpoint: 'GET /api/caseload',
      as: `coach, ${coach.open} open`,
      email: coach.email,
      password: syntheticPassword,
      path: '/api/caseload',
      baselineOf: 'use case',
      baseline: async () =>
        (await getCaseload(ctxFor(coachActor), { sort: 'next_due', filter: 'all' })).items.length,
    },
    {
      endpoint: 'GET /api/participants/{id}',
      as: 'that coach',
      email: coach.email,
      password: syntheticPassword,
      path: `/api/participants/${coach.participantId}`,
      baselineOf: 'use case',
      baseline: async () => {
        const file = await getParticipantFile(ctxFor(coachActor), coach.participantId);
        return file.kind === 'full'
          ? Number(!!file.file.trajectory) + file.file.earlierTrajectories.length
          : 0;
      },
    },
    {
      endpoint: `GET /api/participants?q=${searchTerm}`,
      as: 'synthetic regional lead',
      email: lead.email,
      password: syntheticPassword,
      path: `/api/participants?q=${searchTerm}&limit=100&offset=0`,
      baselineOf: 'raw SQL',
      baseline: async () =>
        (
          await selectParticipants(
            db,
            { full: fullFileScope(leadActor), limited: referralStatusScope(leadActor) },
            { q: searchTerm, limit: 100, offset: 0 },
          )
        ).total,
    },
  ];

  const app = await buildApp({ database, publicUrl: base, logLevel: false, webRoot: '/nonexistent' });
  await app.listen({ host: '127.0.0.1', port });
  const results: Result[] = [];
  try {
    const cookies = new Map<string, string>();
    for (const e of endpoints) {
      // The baseline first, so the HTTP run finds the same warm caches.
      for (let i = 0; i < 20; i++) await e.baseline();
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < baselineRuns; i++) {
        start = performance.now();
        rows = await e.baseline();
        times.push(performance.now() - start);
      }
      const baseline = { ...percentiles(times), of: e.baselineOf, runs: baselineRuns };
      log(
        `${e.endpoint}: ${e.baselineOf}, ${baselineRuns} runs: p50 ${baseline.p50} ms, p95 ${baseline.p95} ms, ` +
          `p99 ${baseline.p99} ms (${rows} rows)`,
      );

      if (!cookies.has(e.email)) {
        const login = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: base },
          body: JSON.stringify({ email: e.email, password: e.password }),
        });
        const cookie = login.headers
          .getSetCookie()
          .find((c) => c.startsWith('opstap_session='))
          ?.split(';')[0];
        if (!login.ok || !cookie)
          throw new Error(`login as ${e.email} failed: ${login.status} ${await login.text()}`);
        cookies.set(e.email, cookie);
      }
      const cookie = cookies.get(e.email)!;
      const url = `${base}${e.path}`;
      const check = await fetch(url, { headers: { cookie } });
      if (!check.ok) throw new Error(`${e.endpoint} answered ${check.status}: ${await check.text()}`);

      const single = await runLoad({ url, cookie, connections: 1, seconds });
      const oneConnection = {
        ...percentiles(single.latencies),
        requestsPerSecond: single.requestsPerSecond,
        overheadMs: 0,
      };
      oneConnection.overheadMs = Math.round((oneConnection.p50 - baseline.p50) * 100) / 100;
      log(
        `${e.endpoint}: HTTP, 1 connection for ${seconds} s: p50 ${oneConnection.p50} ms ` +
          `(baseline p50 + ${oneConnection.overheadMs} ms), ${single.requestsPerSecond} req/s`,
      );
      const { latencies, ...load } = await runLoad({ url, cookie, connections, seconds });
      const http = { ...percentiles(latencies), ...load };
      log(
        `${e.endpoint}: HTTP, ${connections} connections for ${seconds} s: p50 ${http.p50} ms, p95 ${http.p95} ms, ` +
          `p99 ${http.p99} ms, ${http.requestsPerSecond} req/s, ${http.requests} requests, ${http.non2xx} non-2xx`,
      );
      if (http.non2xx > 0) log(`WARNING: ${http.non2xx} answers were not 2xx: the figures are not valid`);
      if (http.errors > 0)
        log(
          `WARNING: ${http.errors} errors, of which ${http.timeouts} timeouts (no answer in 10 s), left out of the latencies`,
        );
      results.push({
        endpoint: e.endpoint,
        kind: database.kind,
        connections: connectionNote,
        as: e.as,
        baseline,
        rows,
        http,
        oneConnection,
        httpToBaselineRatio: Math.round((http.p50 / baseline.p50) * 10) / 10,
      });
    }
  } finally {
    await app.close();
  }
  return { data, results };
}

async function benchPglite() {
  const dir = mkdtempSync(join(tmpdir(), 'opstap-bench-'));
  try {
    const database = await openPglite(dir);
    try {
      return await bench(database, '1 (embedded)');
    } finally {
      await database.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchPostgres() {
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (error) {
    console.log(
      `[postgres] skipped: cannot reach ${serverUrl} (${error instanceof Error ? error.message : error})`,
    );
    return null;
  }
  const name = `opstap_bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const poolSize = 10;
    const database = await openPostgres(url.toString(), poolSize);
    try {
      return await bench(database, `pool of ${poolSize}`);
    } finally {
      await database.close();
    }
  } finally {
    // pool.end() resolves before the server has closed the connections; a forced drop would break them, and a
    // pool client that gets an error with no listener stops the process. So wait until they are gone.
    for (let i = 0; i < 50; i++) {
      const open = await admin.query('select 1 from pg_stat_activity where datname = $1', [name]);
      if (open.rowCount === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

function printTable(header: string[], rows: string[][]) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(['', line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n'));
}

function printSummary(loads: DataLoad[], results: Result[]) {
  const ms = (p: Percentiles) => `${p.p50} / ${p.p95} / ${p.p99}`;
  const n = (value: number) => value.toLocaleString('en');
  console.log('\nSynthetic national data: rows and load time per table (rows/s)');
  const tables = [...new Set(loads.flatMap((l) => l.tables.map((t) => t.table)))];
  printTable(
    ['table', ...loads.map((l) => `${l.kind} rows`), ...loads.map((l) => `${l.kind} s (rows/s)`)],
    [
      ...tables.map((table) => {
        const of = (l: DataLoad) => l.tables.find((t) => t.table === table);
        return [
          table,
          ...loads.map((l) => n(of(l)?.rows ?? 0)),
          ...loads.map((l) => {
            const t = of(l);
            return t
              ? `${t.seconds.toFixed(1)} (${n(Math.round(t.rows / Math.max(t.seconds, 0.001)))})`
              : '-';
          }),
        ];
      }),
      [
        'all synthetic data, wall time',
        ...loads.map((l) => n(l.tables.reduce((sum, t) => sum + t.rows, 0))),
        ...loads.map((l) => `${l.syntheticSeconds.toFixed(1)}`),
      ],
    ],
  );
  console.log(
    `\nEndpoints: ${connections} connections for ${seconds} s; baseline ${baselineRuns} runs in a row`,
  );
  printTable(
    [
      'endpoint',
      'database',
      'connections',
      'as',
      'rows',
      'baseline',
      'baseline p50/p95/p99 ms',
      'HTTP p50/p95/p99 ms',
      'req/s',
      'HTTP p50 ÷ baseline p50',
      '1 connection: HTTP p50 ms (− baseline)',
      'non-2xx / errors (timeouts)',
    ],
    results.map((r) => [
      r.endpoint,
      r.kind,
      r.connections,
      r.as,
      String(r.rows),
      r.baseline.of,
      ms(r.baseline),
      ms(r.http),
      String(Math.round(r.http.requestsPerSecond)),
      `${r.httpToBaselineRatio}×`,
      `${r.oneConnection.p50} (+${r.oneConnection.overheadMs})`,
      `${r.http.non2xx} / ${r.http.errors} (${r.http.timeouts})`,
    ]),
  );
  console.log(
    'rows: what the baseline returned: partnerships in scope; caseload items; trajectories in the file; ' +
      'search hits in scope (the page holds up to 100).',
  );
}

const { values: args } = parseArgs({ options: { only: { type: 'string' } } });
const onlyChoices = ['portal-size', 'lighthouse', 'pglite', 'postgres'];
if (args.only !== undefined && !onlyChoices.includes(args.only))
  throw new Error(`Unknown --only ${args.only}: choose one of ${onlyChoices.join(', ')}`);

const started = performance.now();
const loadBefore = loadavg().map((l) => Math.round(l * 100) / 100);
const machine = { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
const portal = measurePortal();
printPortal(portal);
if (args.only === 'portal-size') process.exit(0);
if (await import('./lighthouse.ts').then((l) => l.benchLighthouse(args.only))) process.exit(0);

console.log(
  `\nOpstap bench: ${connections} connections, ${seconds} s per endpoint and database, ${machine.cpus} CPUs, ` +
    `load average before: ${loadBefore.join(' ')}`,
);
const runs = [
  args.only === 'postgres' ? null : await benchPglite(),
  args.only === 'pglite' ? null : await benchPostgres(),
].filter((r) => r !== null);
const results = runs.flatMap((r) => r.results);
const synthetic = runs.map((r) => r.data);
printSummary(synthetic, results);
const totalSeconds = Math.round((performance.now() - started) / 100) / 10;
const loadAfter = loadavg().map((l) => Math.round(l * 100) / 100);
console.log(
  `\nThe whole bench took ${totalSeconds} s. Load average (1, 5, 15 min) before ${loadBefore.join(' ')}, ` +
    `after ${loadAfter.join(' ')}. PGlite has one connection: concurrent requests wait in line.`,
);
printPortal(portal);

const resultsDir = new URL('./results/', import.meta.url);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  new URL('latest.json', resultsDir),
  `${JSON.stringify(
    {
      at: new Date().toISOString(),
      machine,
      loadAverage: { before: loadBefore, after: loadAfter },
      connections,
      seconds,
      totalSeconds,
      portal,
      synthetic,
      results,
    },
    null,
    2,
  )}\n`,
);
