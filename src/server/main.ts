import { pino } from 'pino';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/client.ts';
import { demoPassword, demoUsers, loadDemoData } from './db/demo-data.ts';
import { loadReferenceData } from './db/reference-data.ts';
import { buildApp } from './app.ts';
import { createSender } from './senders.ts';
import { loadSecretBox } from './secret-key.ts';
import { migrateAsOwner } from './db/roles.ts';
import { claimDataDir } from './db/backup.ts';

/** Starts Opstap: migrate, load reference (and on an embedded database, demo) data, serve. */
async function main() {
  const config = loadConfig();
  // With an owner role, migrations run as the owner and the app as a role that can only add to the audit log.
  if (config.DATABASE_OWNER_URL)
    for (const line of await migrateAsOwner(config)) process.stdout.write(`${line}\n`);
  // The embedded database is one process's: claim DATA_DIR (ops.sock), answer backups there (decision 0012).
  const ops = config.DATABASE_URL ? undefined : await claimDataDir(config.DATA_DIR, 'Opstap is starting');
  const database = await openDatabase(config);
  ops?.serve(database);
  if (!config.DATABASE_OWNER_URL) await database.migrate();
  await loadReferenceData(database.db);
  // Demo data (with its published password) only ever goes into an empty embedded database in demo mode.
  const demoLoaded = config.demoMode && !config.DATABASE_URL && (await loadDemoData(database.db));

  const mail = createSender(config);
  const app = await buildApp({
    database,
    publicUrl: config.publicUrl,
    sender: mail.sender,
    senderJobs: mail.jobs,
    worker: true,
    installJobs: !config.DATABASE_OWNER_URL,
    trustProxy: config.TRUST_PROXY,
    logLevel: config.LOG_LEVEL,
    demoMode: config.demoMode,
    secretBox: loadSecretBox(config),
  });
  const close = async () => {
    await app.close();
    await ops?.close();
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
    config.demoMode
      ? 'DEMO MODE: demo accounts with a published password can log in. Not for real data: set NODE_ENV=production (see README).'
      : 'Production mode: demo accounts cannot log in.',
    ...config.warnings.map((w) => `Warning: ${w}`),
  ];
  if (config.demoMode && !config.DATABASE_URL)
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
