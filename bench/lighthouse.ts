// Does the portal load on a cheap phone? `npm run bench -- --only lighthouse` (or `npx tsx bench/lighthouse.ts`)
// scores the login page and the participant portal's home page with Lighthouse's mobile defaults: a Moto G
// Power sized screen, simulated slow 4G (150 ms round trip, 1.6 Mbit/s down) and a CPU four times slower than
// this machine's. The aim is a performance score of at least 90 for both.
//
// It builds nothing: it serves the web app already built in dist/web (`npx vite build` first), starting Opstap
// on a free port with a fresh embedded database in demo mode (as the browser tests do). Debian's Chromium
// (`command -v chromium`) runs headless; Playwright signs in as the demo participant in Chromium's default
// profile, so Lighthouse, which opens its own tab there, loads the portal with that session. The login page is
// measured first, before signing in (signed in, it sends you on to the home page).
//
// Reading it: Lighthouse simulates the network and the slower CPU from a real load on this machine, so a busy
// machine (tests running beside it) lowers the score. Each page is therefore loaded LIGHTHOUSE_RUNS times (default
// 3) and the run with the median performance score is shown; compare figures made on a quiet machine. Bytes are
// what went over the wire (brotli where the server had it), every request of the load counted, API answers too.
// The full report of the median run is written to bench/results/lighthouse-{login,portal}.json.
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3));
const demoPassword = 'opstap-demo';
const participantLogin = 'participant@demo.opstap.nl';

export type PageScore = {
  page: string;
  lighthouse: string;
  url: string;
  performance: number;
  /** The performance score of every run, low to high (the median one is shown). */
  performanceOfRuns?: number[];
  accessibility: number;
  bestPractices: number;
  /** Milliseconds, as Lighthouse simulates them. */
  firstContentfulPaint: number;
  largestContentfulPaint: number;
  totalBlockingTime: number;
  /** What went over the wire for the whole load, and how many requests. */
  transferBytes: number;
  requests: number;
  /** The largest transfers, to see what to cut. */
  largest: { url: string; bytes: number }[];
};
export type LighthouseResult =
  | { status: 'ok'; chromium: string; pages: PageScore[] }
  | { status: 'not_built' | 'failed'; message: string };

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

async function startOpstap(dataDir: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  // Node with the tsx loader (not `npx tsx`, which starts a second process that a kill would leave running).
  const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => (log += chunk));
  server.stderr?.on('data', (chunk) => (log += chunk));
  for (let attempt = 0; attempt < 240; attempt++) {
    if (server.exitCode !== null) throw new Error(`Opstap stopped while starting:\n${log}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, server };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  server.kill('SIGTERM');
  throw new Error(`Opstap did not answer on ${url}:\n${log}`);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Chromium with a DevTools port, so Playwright (to sign in) and Lighthouse share one profile. */
async function startChromium(profileDir: string) {
  const executable = execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh' })
    .toString()
    .trim();
  const port = await freePort();
  const browser = spawn(
    executable,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--no-default-browser-check',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--disable-default-apps',
      '--mute-audio',
      `--user-data-dir=${profileDir}`,
      `--remote-debugging-port=${port}`,
      'about:blank',
    ],
    { stdio: 'ignore' },
  );
  for (let attempt = 0; attempt < 60; attempt++) {
    if (browser.exitCode !== null) throw new Error(`Chromium stopped with code ${browser.exitCode}`);
    try {
      const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as {
        Browser: string;
      };
      return { port, browser, version: version.Browser };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  browser.kill('SIGTERM');
  throw new Error('Chromium did not open its DevTools port');
}

async function signIn(devtoolsPort: number, url: string) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${devtoolsPort}`);
  try {
    const page = await browser.contexts()[0]!.newPage();
    await page.goto(`${url}/login`);
    await page.locator('input[name=email]').fill(participantLogin);
    await page.locator('input[name=password]').fill(demoPassword);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'));
    await page.getByTestId('home').waitFor();
    await page.close();
  } finally {
    // Disconnects only: the browser (ours, started above) keeps running for Lighthouse.
    await browser.close();
  }
}

/** Where the full Lighthouse reports go (JSON; open them at https://googlechrome.github.io/lighthouse/viewer/). */
const reportDir = new URL('./results/', import.meta.url);

async function scoreOnce(devtoolsPort: number, name: string, url: string) {
  const run = await lighthouse(url, {
    port: devtoolsPort,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
  });
  if (!run) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = run;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const category = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const metric = (id: string) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
  const requests =
    (lhr.audits['network-requests']?.details as { items?: { url: string; transferSize?: number }[] })
      ?.items ?? [];
  const score: PageScore = {
    page: name,
    lighthouse: lhr.lighthouseVersion,
    url: lhr.finalDisplayedUrl,
    performance: category('performance'),
    accessibility: category('accessibility'),
    bestPractices: category('best-practices'),
    firstContentfulPaint: metric('first-contentful-paint'),
    largestContentfulPaint: metric('largest-contentful-paint'),
    totalBlockingTime: metric('total-blocking-time'),
    transferBytes: metric('total-byte-weight'),
    requests: requests.length,
    largest: requests
      .map((r) => ({ url: r.url.replace(/^https?:\/\/[^/]+/, ''), bytes: r.transferSize ?? 0 }))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 6),
  };
  return { score, lhr };
}

/** Lighthouse now and then fails to record a trace (NO_NAVSTART) on a busy machine: that run is tried again. */
async function withRetries<T>(run: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= tries) throw error;
    }
  }
}

/** Loads the page `runs` times; the run with the median performance score counts, its report is kept. */
async function score(devtoolsPort: number, name: string, file: string, url: string): Promise<PageScore> {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await withRetries(() => scoreOnce(devtoolsPort, name, url)));
  results.sort((a, b) => a.score.performance - b.score.performance);
  const median = results[Math.floor(results.length / 2)]!;
  mkdirSync(reportDir, { recursive: true });
  writeFileSync(new URL(`lighthouse-${file}.json`, reportDir), JSON.stringify(median.lhr));
  return { ...median.score, performanceOfRuns: results.map((r) => r.score.performance) };
}

export async function measureLighthouse(): Promise<LighthouseResult> {
  if (!existsSync(join(root, 'dist/web/index.html')))
    return { status: 'not_built', message: 'dist/web/index.html is missing: run `npx vite build` first' };
  const dataDir = mkdtempSync(join(tmpdir(), 'opstap-lighthouse-'));
  const profileDir = mkdtempSync(join(tmpdir(), 'opstap-lighthouse-chromium-'));
  let app: Awaited<ReturnType<typeof startOpstap>> | undefined;
  let browser: Awaited<ReturnType<typeof startChromium>> | undefined;
  try {
    app = await startOpstap(dataDir);
    browser = await startChromium(profileDir);
    // The login page as a first-time visitor sees it, then the portal of a signed-in participant.
    const login = await score(browser.port, 'login', 'login', `${app.url}/login`);
    await signIn(browser.port, app.url);
    const portal = await score(browser.port, 'portal home (participant)', 'portal', `${app.url}/`);
    return { status: 'ok', chromium: browser.version, pages: [login, portal] };
  } catch (error) {
    return {
      status: 'failed',
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  } finally {
    if (browser) await stop(browser.browser);
    if (app) await stop(app.server);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

export function printLighthouse(result: LighthouseResult) {
  if (result.status !== 'ok') {
    console.log(`Lighthouse (mobile): not measured: ${result.message}`);
    return;
  }
  console.log(
    `Lighthouse ${result.pages[0]?.lighthouse} mobile defaults (simulated slow 4G, 4× CPU slowdown), ${result.chromium}, ` +
      `median of ${runs} run${runs === 1 ? '' : 's'}`,
  );
  for (const p of result.pages) {
    console.log(
      `  ${p.page}: performance ${p.performance} (runs: ${p.performanceOfRuns?.join(', ')}), accessibility ${p.accessibility}, best practices ` +
        `${p.bestPractices}; FCP ${p.firstContentfulPaint} ms, LCP ${p.largestContentfulPaint} ms, ` +
        `TBT ${p.totalBlockingTime} ms; ${kb(p.transferBytes)} transferred in ${p.requests} requests`,
    );
    for (const r of p.largest) console.log(`    ${kb(r.bytes).padStart(9)}  ${r.url}`);
  }
}

/**
 * One bench of `npm run bench` (bench/run.ts): it runs in the full bench and with `--only lighthouse`, not with
 * another `--only`. Returns whether the bench should stop here (`--only lighthouse`).
 */
export async function benchLighthouse(only: string | undefined) {
  if (only !== undefined && only !== 'lighthouse') return false;
  console.log('');
  printLighthouse(await measureLighthouse());
  return only === 'lighthouse';
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await measureLighthouse();
  printLighthouse(result);
  process.exitCode = result.status === 'ok' ? 0 : 1;
}
