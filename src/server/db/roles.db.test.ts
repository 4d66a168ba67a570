import { createJobs } from '../jobs.ts';
import { moduleJobs } from '../modules.ts';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../domain/access/index.ts';
import { openPglite, openPostgres, type Database } from './client.ts';
import { appRoleCanChangeAudit, verifyAuditChain } from './audit-chain.ts';
import { loadReferenceData } from './reference-data.ts';
import { appRoleFromUrl, grantAppRole, migrateAsOwner } from './roles.ts';

const serverUrl = process.env.TEST_DATABASE_URL;
const ctx = { actor: null, requestId: null, ip: null, clock: () => new Date() };

/** The database's message, under Drizzle's "Failed query" wrapper. */
function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e = error; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(' / ');
}
const refusal = (query: Promise<unknown>) =>
  query.then(
    () => 'allowed',
    (error: unknown) => errorText(error),
  );

it('reads the app role from DATABASE_URL', () => {
  expect(appRoleFromUrl('postgres://opstap_app:secret@db.example/opstap')).toBe('opstap_app');
  expect(appRoleFromUrl('postgres://opstap%2Dapp@db.example/opstap')).toBe('opstap-app');
  expect(() => appRoleFromUrl('postgres://db.example/opstap')).toThrow(/no user name/);
});

if (!serverUrl) {
  describe('on the embedded database', () => {
    it('refuses roles clearly: there the hash chain protects the log', async () => {
      const database = await openPglite(null);
      try {
        await expect(grantAppRole(database, 'opstap_app')).rejects.toThrow(/need a PostgreSQL server/);
      } finally {
        await database.close();
      }
      await expect(
        migrateAsOwner({ DATABASE_OWNER_URL: 'postgres://owner@localhost/opstap' }),
      ).rejects.toThrow(/needs DATABASE_URL/);
    });
  });
} else {
  describe('on a PostgreSQL server: owner and app role', () => {
    const suffix = randomBytes(5).toString('hex');
    const role = `opstap_app_${suffix}`;
    const name = `opstap_roles_${suffix}`;
    const urlFor = (user: string | null) => {
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      if (user) url.username = user;
      return url.toString();
    };
    const ownerUrl = urlFor(null);
    const appUrl = urlFor(role);
    let app: Database;

    async function admin(query: string) {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(query);
      } finally {
        await client.end();
      }
    }

    beforeAll(async () => {
      await admin(`create role ${role} login`);
      await admin(`create database ${name}`);
      const done = await migrateAsOwner({ DATABASE_URL: appUrl, DATABASE_OWNER_URL: ownerUrl });
      expect(done.join('\n')).toMatch(/except audit_event: only read and add/);
      app = await openPostgres(appUrl, 2);
    });
    afterAll(async () => {
      await app?.close();
      await admin(`drop database if exists ${name} with (force)`);
      await admin(`drop role if exists ${role}`);
    });

    it('lets the app role work: reference data, a normal table, reading and adding audit rows', async () => {
      expect(await loadReferenceData(app.db)).toBe(true);
      await app.db.execute(
        sql`insert into throttle_counter (key, count, window_ends_at) values ('k', 1, now() + interval '1 minute')`,
      );
      await app.db.execute(sql`update throttle_counter set count = count + 1 where key = 'k'`);
      await app.db.execute(sql`delete from throttle_counter where key = 'k'`);
      await app.db.transaction((tx) =>
        audit(ctx, tx, { action: 'login', entityType: 'user', entityId: 'u1' }),
      );
      const { rows } = (await app.db.execute(sql`select entity_id from audit_event`)) as unknown as {
        rows: { entity_id: string }[];
      };
      expect(rows).toEqual([{ entity_id: 'u1' }]);
      expect(await verifyAuditChain(app.db, { chainMayEnd: true })).toMatchObject({ ok: true, unchained: 1 });
      expect(await appRoleCanChangeAudit(app.db)).toEqual({ role, canChange: false });
    });

    it('lets the app role add and work jobs in the queue the owner installed', async () => {
      const jobs = await createJobs(app, {
        definitions: moduleJobs,
        install: false,
        ctxFor: () => ({}) as never,
      });
      await jobs.queue.enqueue(app.db, 'access.password-reset', { email: 'nobody@example.org', ip: null });
      expect(
        (
          await app.executeSql(
            `select count(*)::int as n from pgboss.job where name = 'access.password-reset'`,
          )
        ).rows,
      ).toEqual([{ n: 1 }]);
      await jobs.stop();
    });

    it('refuses the app role any change to the audit log, and switching its protection off', async () => {
      for (const query of [
        sql`update audit_event set detail = '{}'`,
        sql`delete from audit_event`,
        sql`truncate audit_event`,
      ])
        expect(await refusal(app.db.execute(query))).toMatch(/permission denied for table audit_event/);
      expect(
        await refusal(app.db.execute(sql`alter table audit_event disable trigger audit_event_no_change`)),
      ).toMatch(/must be owner of table audit_event/);
      expect(await refusal(app.db.execute(sql`drop table audit_event`))).toMatch(/must be owner/);
    });

    it('grants again without harm, also to tables a later migration creates', async () => {
      const owner = await openPostgres(ownerUrl, 1);
      try {
        // Default privileges: a table the owner creates later is usable before any new grant.
        await owner.db.execute(sql`create table later_table (id int primary key)`);
        await app.db.execute(sql`insert into later_table values (1)`);
        await app.db.execute(sql`update later_table set id = 2`);
        expect(await grantAppRole(owner, role)).toHaveLength(2);
      } finally {
        await owner.close();
      }
      expect(await refusal(app.db.execute(sql`delete from later_table`))).toBe('allowed');
      expect(await refusal(app.migrate())).toMatch(
        /may not change the database schema: migrate with the owner role/,
      );
      expect(await refusal(app.db.execute(sql`update audit_event set detail = '{}'`))).toMatch(
        /permission denied/,
      );
    });

    it('refuses a set-up where the app could change the log', async () => {
      const owner = await openPostgres(ownerUrl, 1);
      try {
        await expect(grantAppRole(owner, 'postgres')).rejects.toThrow(/same role/);
        await expect(grantAppRole(owner, `${role}_missing`)).rejects.toThrow(/does not exist/);
        await owner.db.execute(sql`create table app_owned (id int)`);
        await owner.db.execute(sql`alter table app_owned owner to ${sql.identifier(role)}`);
        await expect(grantAppRole(owner, role)).rejects.toThrow(/owns public\.app_owned/);
        await owner.db.execute(sql`drop table app_owned`);
      } finally {
        await owner.close();
      }
    });
  });
}
