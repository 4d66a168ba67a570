import { sql } from 'drizzle-orm';
import type { Db } from '../../domain/db.ts';

/**
 * Checks the audit log's hash chain (migration 0002): on the embedded database a trigger gives every audit row
 * the hash of the row before it and a hash over its own content. A row that was changed, or removed from the
 * middle, breaks the chain. Used by `npm run audit:verify` and its test.
 */
export type AuditChainCheck = {
  ok: boolean;
  /** Rows with a hash that checked out. */
  chained: number;
  /** Rows without a hash before the first chained one (written before migration 0002). */
  unchained: number;
  /** Rows without a hash after the last chained one (a database moved from embedded to a server). */
  afterChain: number;
  /** The last chained row: note its hash somewhere else to detect later removal or rewriting of the end. */
  last?: { id: number; hash: string };
  firstBroken?: { id: number; problem: string };
};

export type AuditChainOptions = {
  /** Rows per query: the log can be large, so it is read in pages by id. */
  batchSize?: number;
  /**
   * Allow unchained rows after the chain (a PostgreSQL server does not chain; a database moved there from the
   * embedded one keeps its chained start). On the embedded database every row after the start must be chained.
   */
  chainMayEnd?: boolean;
  /** A row id and hash noted from an earlier run: the row must still be there with that hash. */
  anchor?: { id: number; hash: string };
};

type Row = { id: string; prev_hash: string | null; hash: string | null; expected: string | null };

const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;

/** Walks audit_event in id order and checks every chained row against its content and the row before it. */
export async function verifyAuditChain(db: Db, options: AuditChainOptions = {}): Promise<AuditChainCheck> {
  const batchSize = options.batchSize ?? 10_000;
  const check: AuditChainCheck = { ok: true, chained: 0, unchained: 0, afterChain: 0 };
  const broken = (id: number, problem: string) => ({ ...check, ok: false, firstBroken: { id, problem } });
  let phase: 'before' | 'chained' | 'ended' = 'before';
  let previous: { id: number; hash: string | null } | null = null;
  let anchorSeen = false;
  let after = '0';

  for (;;) {
    // Keyset pagination: each page starts after the last id seen, so a large log is never read at once.
    const rows = rowsOf<Row>(
      await db.execute(sql`
        select e.id::text as id, e.prev_hash, e.hash,
          case when e.hash is null then null else audit_event_hash(e.prev_hash, e) end as expected
        from audit_event e
        where e.id > ${after}::bigint
        order by e.id
        limit ${batchSize}`),
    );
    for (const row of rows) {
      const id = Number(row.id);
      if (options.anchor && id === options.anchor.id) {
        anchorSeen = true;
        if (row.hash !== options.anchor.hash)
          return broken(id, `its hash is not the one noted earlier (${options.anchor.hash})`);
      }
      if (row.hash === null) {
        if (phase === 'chained' && !options.chainMayEnd)
          return broken(
            id,
            'it has no hash although the rows before it are chained: it was not written by the app',
          );
        if (phase === 'chained') phase = 'ended';
        if (phase === 'ended') check.afterChain++;
        else check.unchained++;
        previous = { id, hash: null };
        continue;
      }
      if (phase === 'ended')
        return broken(id, 'it has a hash although the chain ended before it: rows were added by hand');
      const expectedPrev = phase === 'before' ? null : (previous?.hash ?? null);
      if (row.prev_hash !== expectedPrev)
        return broken(
          id,
          phase === 'before'
            ? 'it is the first chained row but points to an earlier hash: chained rows before it were removed'
            : `its previous hash does not match row ${previous?.id}: a row between them was removed or changed`,
        );
      if (row.hash !== row.expected)
        return broken(id, 'its content does not match its hash: the row was changed after it was written');
      phase = 'chained';
      check.chained++;
      check.last = { id, hash: row.hash };
      previous = { id, hash: row.hash };
    }
    if (rows.length < batchSize) break;
    after = rows[rows.length - 1]!.id;
  }
  if (options.anchor && !anchorSeen)
    return broken(options.anchor.id, 'the row noted earlier is missing: the end of the log was removed');
  return check;
}

/**
 * Whether the role the app connects with could change or remove audit rows: it owns the table (an owner can
 * switch the no-change trigger off) or holds UPDATE, DELETE or TRUNCATE on it.
 */
export async function appRoleCanChangeAudit(db: Db): Promise<{ role: string; canChange: boolean }> {
  const [row] = rowsOf<{ role: string; can_change: boolean }>(
    await db.execute(sql`
      select current_user::text as role,
        (pg_has_role(c.relowner, 'USAGE')
          or has_table_privilege(c.oid, 'UPDATE') or has_table_privilege(c.oid, 'DELETE')
          or has_table_privilege(c.oid, 'TRUNCATE')) as can_change
      from pg_class c where c.oid = 'audit_event'::regclass`),
  );
  return { role: row!.role, canChange: row!.can_change };
}

/** The one line `npm run audit:verify` prints. */
export function describeAuditCheck(
  check: AuditChainCheck,
  kind: 'pglite' | 'postgres',
  access?: { role: string; canChange: boolean },
): string {
  if (!check.ok) {
    const { id, problem } = check.firstBroken!;
    return `Audit log broken at row ${id}: ${problem}.`;
  }
  const roles = access?.canChange
    ? `database roles must protect it, but the role ${access.role} in DATABASE_URL can change it: set DATABASE_OWNER_URL and run npm run db:migrate (see docs/security.md)`
    : 'it is protected by database roles (see docs/security.md)';
  if (check.chained === 0 && kind === 'postgres')
    return `Audit log not chained (${check.unchained} rows): on a PostgreSQL server ${roles}.`;
  const last = check.last ? `; last row ${check.last.id}, hash ${check.last.hash}` : '';
  const ended = check.afterChain ? `; ${check.afterChain} rows after the chain ended: ${roles}` : '';
  return `Audit log intact: ${check.chained} rows chained (${check.unchained} before the chain began)${ended}${last}`;
}
