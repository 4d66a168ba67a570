import { pino } from 'pino';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { demoPassword, demoUsers, loadDemoData } from './db/demo-data.ts';
import { loadReferenceData } from './db/reference-data.ts';
import { buildApp } from './app.ts';
import { createSender } from './senders.ts';

/** Starts Opstap: migrate, load reference (and on an embedded database, demo) data, serve. */
async function main() {
  const config = loadConfig();
  const database = await openDatabase(config);
  await database.migrate();
  await loadReferenceData(database.db);
  const demoLoaded = !config.DATABASE_URL && (await loadDemoData(database.db));

  const app = await buildApp({
    database,
    publicUrl: config.publicUrl,
    sender: createSender(config),
    trustProxy: config.TRUST_PROXY,
    logLevel: config.LOG_LEVEL,
  });
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.PORT, host: config.HOST });

  const lines = [
    '',
    `Opstap runs at ${config.publicUrl}`,
    `Database: ${database.kind === 'pglite' ? `embedded, in ${config.DATA_DIR}` : 'PostgreSQL server'}${demoLoaded ? ' (demo data loaded)' : ''}`,
  ];
  if (!config.DATABASE_URL)
    lines.push(
      `Demo logins (password ${demoPassword}):`,
      ...demoUsers.map((u) => `  ${u.email.padEnd(30)} ${u.role}`),
    );
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  // One line that says what to fix; details only with LOG_LEVEL=debug.
  const message = error instanceof Error ? error.message : String(error);
  pino({ level: process.env.LOG_LEVEL ?? 'info' }).debug({ err: error }, 'start failed');
  process.stderr.write(`Opstap could not start: ${message}\n`);
  process.exit(1);
});
