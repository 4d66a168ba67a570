// Checks that the audit log was not changed: `npm run audit:verify` (optionally `-- --anchor ID:HASH`, a row and
// hash printed by an earlier run, to detect that the end of the log was removed or rewritten). Exit code 1 when
// the log is broken. On the embedded database, stop the app first: it has a single connection.
import { loadConfig } from '../src/server/config.ts';
import { appRoleCanChangeAudit, describeAuditCheck, verifyAuditChain } from '../src/server/db/audit-chain.ts';
import { openDatabase } from '../src/server/db/client.ts';

function parseAnchor(args: string[]) {
  const index = args.indexOf('--anchor');
  if (index === -1) return undefined;
  const match = /^(\d+):([0-9a-f]{64})$/.exec(args[index + 1] ?? '');
  if (!match) throw new Error('--anchor needs ID:HASH, as printed by an earlier run');
  return { id: Number(match[1]), hash: match[2]! };
}

try {
  const anchor = parseAnchor(process.argv.slice(2));
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const check = await verifyAuditChain(database.db, { chainMayEnd: database.kind === 'postgres', anchor });
    const access = database.kind === 'postgres' ? await appRoleCanChangeAudit(database.db) : undefined;
    console.log(describeAuditCheck(check, database.kind, access));
    process.exitCode = check.ok ? 0 : 1;
  } finally {
    await database.close();
  }
} catch (error) {
  console.error(`Audit check failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
