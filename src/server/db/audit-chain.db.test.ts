import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../domain/access/index.ts';
import { createTestDatabase } from '../testing/test-app.ts';
import { appRoleCanChangeAudit, describeAuditCheck, verifyAuditChain } from './audit-chain.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
const onServer = !!process.env.TEST_DATABASE_URL;
const ctx = { actor: null, requestId: null, ip: null, clock: () => new Date() };

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

/** The database's message, under Drizzle's "Failed query" wrapper. */
function errorText(error: unknown): string {
  const parts: string[] = [];
  for (let e = error; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(' / ');
}

/** What the owner can do and the app role cannot: switch the no-change trigger off for one statement. */
async function asOwnerWithoutTrigger(query: ReturnType<typeof sql>) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_event disable trigger audit_event_no_change`);
    await tx.execute(query);
    await tx.execute(sql`alter table audit_event enable trigger audit_event_no_change`);
  });
}

beforeAll(async () => {
  database = await createTestDatabase();
  for (const n of [1, 2, 3, 4, 5])
    await database.db.transaction((tx) =>
      audit(ctx, tx, { action: 'login', entityType: 'user', entityId: `user-${n}`, detail: { n } }),
    );
});
afterAll(() => database.dispose());

describe('the audit log cannot be changed', () => {
  it('refuses UPDATE, DELETE and TRUNCATE, even from the owner, naming the trigger', async () => {
    const queries = [
      sql`update audit_event set detail = '{}'`,
      sql`delete from audit_event`,
      sql`truncate audit_event`,
    ];
    for (const query of queries) {
      const error = await database.db.execute(query).then(
        () => null,
        (e: unknown) => e,
      );
      expect(errorText(error)).toMatch(/audit_event is append-only/);
    }
    const [count] = await rows<{ n: number }>(sql`select count(*)::int as n from audit_event`);
    expect(count?.n).toBe(5);
    const [first] = await rows<{ detail: unknown }>(sql`select detail from audit_event order by id limit 1`);
    expect(first?.detail).toEqual({ n: 1 });
  });
});

// One branch per kind of database, so every run asserts something and nothing is skipped.
if (!onServer) {
  describe('hash chain on the embedded database', () => {
    it('chains every row and verifies, also across pages', async () => {
      const chained = await rows<{ hash: string | null }>(sql`select hash from audit_event order by id`);
      expect(chained).toHaveLength(5);
      expect(chained.every((r) => /^[0-9a-f]{64}$/.test(r.hash ?? ''))).toBe(true);
      for (const batchSize of [2, 5, 10_000])
        expect(await verifyAuditChain(database.db, { batchSize })).toMatchObject({
          ok: true,
          chained: 5,
          unchained: 0,
        });
      const check = await verifyAuditChain(database.db);
      expect(describeAuditCheck(check, 'pglite')).toMatch(
        /^Audit log intact: 5 rows chained \(0 before the chain began\); last row \d+, hash [0-9a-f]{64}$/,
      );
    });

    it('finds a changed row', async () => {
      const [third] = await rows<{ id: string }>(
        sql`select id::text from audit_event order by id offset 2 limit 1`,
      );
      const id = Number(third!.id);
      await asOwnerWithoutTrigger(sql`update audit_event set detail = '{"n": 99}' where id = ${id}`);
      const check = await verifyAuditChain(database.db, { batchSize: 2 });
      expect(check.ok).toBe(false);
      expect(check.firstBroken).toEqual({ id, problem: expect.stringMatching(/content does not match/) });
      expect(describeAuditCheck(check, 'pglite')).toMatch(new RegExp(`^Audit log broken at row ${id}: `));

      // Put back, the chain holds again: the check looks at the content, not at who touched the row.
      await asOwnerWithoutTrigger(sql`update audit_event set detail = '{"n": 3}' where id = ${id}`);
      expect((await verifyAuditChain(database.db)).ok).toBe(true);
    });

    it('finds a removed row, and a removed end with the hash noted by an earlier run', async () => {
      const before = await verifyAuditChain(database.db);
      expect(before.ok).toBe(true);
      const ids = (await rows<{ id: string }>(sql`select id::text from audit_event order by id`)).map((r) =>
        Number(r.id),
      );
      expect(ids).toHaveLength(5);
      await asOwnerWithoutTrigger(sql`delete from audit_event where id = ${ids[1]}`);
      const check = await verifyAuditChain(database.db, { batchSize: 2 });
      expect(check.ok).toBe(false);
      expect(check.firstBroken).toEqual({ id: ids[2], problem: expect.stringMatching(/previous hash/) });

      // Removing the end leaves an intact chain; only the hash noted earlier shows it.
      await asOwnerWithoutTrigger(sql`delete from audit_event where id >= ${ids[1]}`);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, chained: 1 });
      const anchored = await verifyAuditChain(database.db, { anchor: before.last });
      expect(anchored.firstBroken).toEqual({ id: ids[4], problem: expect.stringMatching(/missing/) });
    });

    it('accepts unchained rows only before the chain began', async () => {
      await asOwnerWithoutTrigger(sql`delete from audit_event`);
      const write = (n: number) =>
        audit(ctx, database.db, { action: 'login', entityType: 'user', detail: { n } });
      await database.db.execute(sql`set opstap.audit_chain = 'off'`);
      await write(1);
      await write(2);
      await database.db.execute(sql`set opstap.audit_chain = 'on'`);
      await write(3);
      await write(4);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, chained: 2, unchained: 2 });

      // A row written without the chain after it began (by hand, with the setting off) is a break.
      await database.db.execute(sql`set opstap.audit_chain = 'off'`);
      await write(5);
      await database.db.execute(sql`set opstap.audit_chain = 'on'`);
      const check = await verifyAuditChain(database.db);
      expect(check.ok).toBe(false);
      expect(check.firstBroken?.problem).toMatch(/no hash/);
      // On a server (a database moved there from the embedded one) the chain may end.
      expect(await verifyAuditChain(database.db, { chainMayEnd: true })).toMatchObject({
        ok: true,
        chained: 2,
        unchained: 2,
        afterChain: 1,
      });
    });
  });
} else {
  describe('no hash chain on a PostgreSQL server', () => {
    it('leaves rows unchained and says the roles protect the log', async () => {
      const [chained] = await rows<{ n: number }>(
        sql`select count(*)::int as n from audit_event where hash is not null`,
      );
      expect(chained?.n).toBe(0);
      const check = await verifyAuditChain(database.db, { chainMayEnd: true });
      expect(check).toMatchObject({ ok: true, chained: 0, unchained: 5 });
      expect(describeAuditCheck(check, 'postgres', { role: 'opstap_app', canChange: false })).toBe(
        'Audit log not chained (5 rows): on a PostgreSQL server it is protected by database roles (see docs/security.md).',
      );
      // The test database is migrated by a superuser, which could change the log: the line says so.
      const access = await appRoleCanChangeAudit(database.db);
      expect(access.canChange).toBe(true);
      expect(describeAuditCheck(check, 'postgres', access)).toMatch(/can change it: set DATABASE_OWNER_URL/);
    });
  });
}
