// `npm run bench`: how fast is GET /api/partnerships at national size, on PGlite and on PostgreSQL?
//
// For each database it loads the reference, demo and `national` synthetic data, then measures
//  - raw SQL: `selectPartnerships` called directly (the two queries the endpoint runs), 200 runs one after
//    another: the baseline, what the database alone costs;
//  - HTTP: autocannon (in its own process) with 50 connections for 10 s (BENCH_SECONDS) against the endpoint,
//    signed in as the demo regional lead. Each request also resolves the session, writes an audit line and
//    validates and serialises the answer.
// Reading it: the figures describe this machine only; compare them between runs on the same machine. With 50
// connections at once, HTTP latency is mostly waiting in line (latency ≈ connections ÷ req/s), so the
// HTTP ÷ SQL ratio shows queueing plus per-request overhead, not the cost of one request. PGlite has one
// connection and runs in the server's thread: its requests queue, and that is expected.
// Requests with no answer within 10 s count as errors (timeouts) and are not in the latencies.
// It prints figures, never pass/fail, and writes them to bench/results/latest.json.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import type { Actor } from '../src/domain/context.ts';
import { appUser, roleAssignment } from '../src/domain/access/index.ts';
import { partnershipReadScope } from '../src/domain/organisation/index.ts';
import { selectPartnerships } from '../src/domain/organisation/organisation.queries.ts';
import { buildApp } from '../src/server/app.ts';
import { openPglite, openPostgres, type Database } from '../src/server/db/client.ts';
import { demoPassword, loadDemoData } from '../src/server/db/demo-data.ts';
import { loadReferenceData } from '../src/server/db/reference-data.ts';
import { generateSynthetic } from '../scripts/synthetic.ts';
import type { LoadOptions, LoadResult } from './load.ts';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 50;
const sqlRuns = 200;
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const email = 'regional@demo.opstap.nl';

type Percentiles = { p50: number; p95: number; p99: number };
type Result = {
  kind: string;
  connections: string;
  loadSeconds: number;
  rowsInScope: number;
  sql: Percentiles;
  http: Percentiles & Omit<LoadResult, 'latencies'>;
  httpToSqlRatio: number;
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

async function bench(database: Database, connectionNote: string): Promise<Result> {
  const log = (line: string) => console.log(`[${database.kind}] ${line}`);
  const db = database.db;

  let start = performance.now();
  await database.migrate();
  await loadReferenceData(db);
  await loadDemoData(db);
  const added = await generateSynthetic(db, 'national');
  const loadSeconds = Math.round(performance.now() - start) / 1000;
  log(
    `loaded reference, demo and national data in ${loadSeconds} s (${added.coaches} coaches, ${added.partnerships} partnerships)`,
  );

  // The raw SQL baseline, as the regional lead.
  const [user] = await db.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, email));
  const roles = await db
    .select({
      role: roleAssignment.role,
      regionId: roleAssignment.regionId,
      municipalityCode: roleAssignment.municipalityCode,
      municipalFunction: roleAssignment.municipalFunction,
      employerId: roleAssignment.employerId,
    })
    .from(roleAssignment)
    .where(eq(roleAssignment.userId, user!.id));
  const actor: Actor = { userId: user!.id, sessionId: null, roles };
  const query = () => selectPartnerships(db, partnershipReadScope(actor), { limit: 100, offset: 0 });
  for (let i = 0; i < 20; i++) await query();
  const times: number[] = [];
  let rowsInScope = 0;
  for (let i = 0; i < sqlRuns; i++) {
    start = performance.now();
    rowsInScope = (await query()).total;
    times.push(performance.now() - start);
  }
  const sql = percentiles(times);
  log(
    `raw SQL, ${sqlRuns} runs: p50 ${sql.p50} ms, p95 ${sql.p95} ms, p99 ${sql.p99} ms (${rowsInScope} rows in scope)`,
  );

  // The endpoint over HTTP.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const app = await buildApp({ database, publicUrl: base, logger: false, webRoot: '/nonexistent' });
  await app.listen({ host: '127.0.0.1', port });
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify({ email, password: demoPassword }),
    });
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('opstap_session='))
      ?.split(';')[0];
    if (!login.ok || !cookie)
      throw new Error(`login as ${email} failed: ${login.status} ${await login.text()}`);
    const url = `${base}/api/partnerships?limit=100&offset=0`;
    const check = await fetch(url, { headers: { cookie } });
    if (!check.ok) throw new Error(`GET /api/partnerships answered ${check.status}: ${await check.text()}`);

    const { latencies, ...load } = await runLoad({ url, cookie, connections, seconds });
    const http = { ...percentiles(latencies), ...load };
    log(
      `HTTP, ${connections} connections for ${seconds} s: p50 ${http.p50} ms, p95 ${http.p95} ms, p99 ${http.p99} ms, ` +
        `${http.requestsPerSecond} req/s, ${http.requests} requests, ${http.non2xx} non-2xx`,
    );
    if (http.non2xx > 0) log(`WARNING: ${http.non2xx} answers were not 2xx: the figures are not valid`);
    if (http.errors > 0)
      log(
        `WARNING: ${http.errors} errors, of which ${http.timeouts} timeouts (no answer in 10 s), left out of the latencies`,
      );
    const httpToSqlRatio = Math.round((http.p50 / sql.p50) * 10) / 10;
    return {
      kind: database.kind,
      connections: connectionNote,
      loadSeconds,
      rowsInScope,
      sql,
      http,
      httpToSqlRatio,
    };
  } finally {
    await app.close();
  }
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

function printTable(results: Result[]) {
  const ms = (p: Percentiles) => `${p.p50} / ${p.p95} / ${p.p99}`;
  const rows = [
    [
      'kind',
      'connections',
      'rows in scope',
      'raw SQL p50/p95/p99 ms',
      'HTTP p50/p95/p99 ms',
      'req/s',
      'HTTP p50 ÷ SQL p50',
      'non-2xx / errors',
    ],
    ...results.map((r) => [
      r.kind,
      r.connections,
      String(r.rowsInScope),
      ms(r.sql),
      ms(r.http),
      String(Math.round(r.http.requestsPerSecond)),
      `${r.httpToSqlRatio}×`,
      `${r.http.non2xx} / ${r.http.errors}`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(
    ['', line(rows[0]!), line(widths.map((w) => '-'.repeat(w))), ...rows.slice(1).map(line)].join('\n'),
  );
}

const started = performance.now();
const machine = { cpus: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
console.log(
  `Opstap bench: GET /api/partnerships, ${connections} connections, ${seconds} s per database, ${machine.cpus} CPUs`,
);
const results = [await benchPglite(), await benchPostgres()].filter((r): r is Result => r !== null);
printTable(results);
const totalSeconds = Math.round((performance.now() - started) / 100) / 10;
console.log(
  `\nThe whole bench took ${totalSeconds} s. PGlite has one connection: concurrent requests wait in line.`,
);

const resultsDir = new URL('./results/', import.meta.url);
mkdirSync(resultsDir, { recursive: true });
writeFileSync(
  new URL('latest.json', resultsDir),
  `${JSON.stringify({ at: new Date().toISOString(), machine, connections, seconds, totalSeconds, results }, null, 2)}\n`,
);
