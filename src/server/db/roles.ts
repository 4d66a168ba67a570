import { installJobQueue } from '../jobs.ts';
import { moduleJobs } from '../modules.ts';
import { createSender } from '../senders.ts';
import { sql } from 'drizzle-orm';
import type { Db } from '../../domain/db.ts';
import { openPostgres, type Database } from './client.ts';

/**
 * Database roles on a PostgreSQL server (docs/security.md): an owner role runs the migrations and owns the
 * tables; the app connects with a role that may read and write the tables but only read and add to
 * `audit_event`. Only the owner could switch off the no-change trigger, so the app cannot rewrite its own log.
 */

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
const ident = (name: string) => sql.identifier(name);

/** The role the app connects with: the user name in DATABASE_URL. */
export function appRoleFromUrl(url: string): string {
  const role = decodeURIComponent(new URL(url).username);
  if (!role)
    throw new Error(
      'DATABASE_URL has no user name: write the app role in it, like postgres://opstap_app:…@host/opstap',
    );
  return role;
}

/**
 * Gives `appRole` exactly the rights the app needs, run with the owner's connection after migrating: read and
 * write every table, but on `audit_event` only SELECT and INSERT; sequences; functions; read-only on the
 * migration history; the same for tables later migrations create. Safe to run again. Returns what it did.
 */
export async function grantAppRole(owner: Database, appRole: string): Promise<string[]> {
  if (owner.kind !== 'postgres')
    throw new Error(
      'Database roles need a PostgreSQL server: the embedded database has one connection and protects the audit log with its hash chain (npm run audit:verify)',
    );
  return owner.db.transaction(async (tx) => {
    // The same lock as migrate(): app instances starting together would otherwise grant at the same time, and
    // concurrent GRANTs on one object fail with "tuple concurrently updated".
    await tx.execute(sql`select pg_advisory_xact_lock(7238401)`);
    await checkRoles(tx, appRole);
    const [{ database }] = rowsOf<{ database: string }>(
      await tx.execute(sql`select current_database() as database`),
    ) as [{ database: string }];
    const [{ hasDrizzle }] = rowsOf<{ hasDrizzle: boolean }>(
      await tx.execute(
        sql`select exists (select from pg_namespace where nspname = 'drizzle') as "hasDrizzle"`,
      ),
    ) as [{ hasDrizzle: boolean }];
    const [{ hasJobQueue }] = rowsOf<{ hasJobQueue: boolean }>(
      await tx.execute(
        sql`select exists (select from pg_namespace where nspname = 'pgboss') as "hasJobQueue"`,
      ),
    ) as [{ hasJobQueue: boolean }];
    const app = ident(appRole);
    const statements = [
      // Start from nothing, so rights granted by hand earlier (UPDATE on audit_event, TRUNCATE) do not stay.
      sql`revoke all on all tables in schema public from ${app}`,
      sql`revoke all on all sequences in schema public from ${app}`,
      sql`grant connect on database ${ident(database)} to ${app}`,
      sql`grant usage on schema public to ${app}`,
      sql`grant select, insert, update, delete on all tables in schema public to ${app}`,
      sql`revoke update, delete, truncate on audit_event from ${app}`,
      sql`grant usage, select on all sequences in schema public to ${app}`,
      sql`grant execute on all functions in schema public to ${app}`,
      sql`alter default privileges in schema public grant select, insert, update, delete on tables to ${app}`,
      sql`alter default privileges in schema public grant usage, select on sequences to ${app}`,
      sql`alter default privileges in schema public grant execute on functions to ${app}`,
      ...(hasDrizzle
        ? [
            sql`grant usage on schema drizzle to ${app}`,
            sql`grant select on all tables in schema drizzle to ${app}`,
          ]
        : []),
      // The job queue (pg-boss) works in its own schema: the app adds, takes and completes jobs there.
      ...(hasJobQueue
        ? [
            sql`grant usage on schema pgboss to ${app}`,
            sql`grant select, insert, update, delete on all tables in schema pgboss to ${app}`,
            sql`grant usage, select on all sequences in schema pgboss to ${app}`,
            sql`grant execute on all functions in schema pgboss to ${app}`,
          ]
        : []),
    ];
    for (const statement of statements) await tx.execute(statement);
    await checkAuditRights(tx, appRole);
    return [
      `Granted role ${appRole} read and write on all tables in ${database}, except audit_event: only read and add.`,
      `Granted use of sequences and functions${hasDrizzle ? ', read-only access to the migration history' : ''}, and the same rights on tables that later migrations create.`,
    ];
  });
}

/** Refuses set-ups where the app role could still change the audit log, with what to do instead. */
async function checkRoles(tx: Db, appRole: string) {
  const [role] = rowsOf<{ superuser: boolean; isOwner: boolean; ownsAudit: boolean }>(
    await tx.execute(sql`
      select r.rolsuper as superuser, r.rolname = current_user as "isOwner",
        pg_has_role(current_user, c.relowner, 'USAGE') as "ownsAudit"
      from pg_roles r, pg_class c
      where r.rolname = ${appRole} and c.oid = 'audit_event'::regclass`),
  );
  if (!role)
    throw new Error(
      `The role ${appRole} in DATABASE_URL does not exist: create it first (see docs/security.md, "Database roles")`,
    );
  if (role.isOwner)
    throw new Error(
      'DATABASE_URL and DATABASE_OWNER_URL use the same role: the app needs its own role (see docs/security.md)',
    );
  if (role.superuser)
    throw new Error(
      `The role ${appRole} in DATABASE_URL is a superuser: it could change anything, the audit log too`,
    );
  if (!role.ownsAudit)
    throw new Error(
      'The role in DATABASE_OWNER_URL does not own the tables: run the migrations with it, or hand the tables to it (REASSIGN OWNED)',
    );
  const owned = rowsOf<{ name: string }>(
    await tx.execute(sql`
      select n.nspname || '.' || c.relname as name
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname in ('public', 'drizzle') and pg_has_role(${appRole}::name, c.relowner, 'USAGE')
      order by 1 limit 5`),
  );
  if (owned.length)
    throw new Error(
      `The role ${appRole} in DATABASE_URL owns ${owned.map((o) => o.name).join(', ')}: an owner can switch the audit log's protection off. As a superuser, run REASSIGN OWNED BY ${appRole} TO <owner role> in this database first`,
    );
}

/** After granting: what the app role may do to audit_event, whatever it inherits from other roles or PUBLIC. */
async function checkAuditRights(tx: Db, appRole: string) {
  const [rights] = rowsOf<{ read: boolean; add: boolean; change: boolean }>(
    await tx.execute(sql`
      select has_table_privilege(${appRole}::name, 'audit_event'::regclass, 'SELECT') as read,
        has_table_privilege(${appRole}::name, 'audit_event'::regclass, 'INSERT') as add,
        has_table_privilege(${appRole}::name, 'audit_event'::regclass, 'UPDATE')
          or has_table_privilege(${appRole}::name, 'audit_event'::regclass, 'DELETE')
          or has_table_privilege(${appRole}::name, 'audit_event'::regclass, 'TRUNCATE') as change`),
  );
  if (!rights?.read || !rights.add)
    throw new Error(`The role ${appRole} still cannot read or add to audit_event after the grants`);
  if (rights.change)
    throw new Error(
      `The role ${appRole} may still change audit_event through another role or PUBLIC: revoke UPDATE, DELETE and TRUNCATE on audit_event there`,
    );
}

/**
 * Migrates with the owner role in DATABASE_OWNER_URL, then grants the app role (the user in DATABASE_URL) its
 * rights. The app itself then connects with DATABASE_URL and does not migrate. Returns what it did.
 */
export async function migrateAsOwner(config: {
  DATABASE_URL?: string;
  DATABASE_OWNER_URL?: string;
}): Promise<string[]> {
  const { DATABASE_URL: appUrl, DATABASE_OWNER_URL: ownerUrl } = config;
  if (!ownerUrl) throw new Error('DATABASE_OWNER_URL is not set');
  if (!appUrl) throw new Error('DATABASE_OWNER_URL needs DATABASE_URL, the connection the app uses');
  const appRole = appRoleFromUrl(appUrl);
  const databaseName = (url: string) => decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (databaseName(appUrl) && databaseName(ownerUrl) && databaseName(appUrl) !== databaseName(ownerUrl))
    throw new Error('DATABASE_URL and DATABASE_OWNER_URL name different databases');
  let owner: Database;
  try {
    owner = await openPostgres(ownerUrl, 2);
  } catch (error) {
    throw new Error(
      (error as Error).message.replace('the database in DATABASE_URL', 'the database in DATABASE_OWNER_URL'),
    );
  }
  try {
    await owner.migrate();
    // Every queue, whatever the mail setting now, so switching to SMTP later needs no owner.
    const smtpJobs = createSender({ MAIL_TRANSPORT: 'smtp', SMTP_URL: undefined, MAIL_FROM: '' }).jobs;
    await installJobQueue(owner, [...moduleJobs, ...smtpJobs]);
    return ['Migrated with the owner role in DATABASE_OWNER_URL.', ...(await grantAppRole(owner, appRole))];
  } finally {
    await owner.close();
  }
}
