import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  PartnershipCreate,
  PartnershipUpdate,
  partnershipQuery,
} from '../../shared/contracts/organisation.ts';
import { audit } from '../access/index.ts';
import { DomainError, requireActor, type Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { isInScope, partnershipReadScope, partnershipWriteScope } from './organisation.policy.ts';
import { selectPartnership, selectPartnerships, type PartnershipRow } from './organisation.queries.ts';
import { municipality, partnership } from './organisation.table.ts';

const toPartnership = ({ partnership: p, municipalityName, regionId, regionName }: PartnershipRow) => ({
  ...p,
  municipalityName,
  regionId,
  regionName,
  updatedAt: p.updatedAt.toISOString(),
});

function assertDates(startsOn: string | null | undefined, endsOn: string | null | undefined) {
  if (startsOn && endsOn && endsOn < startsOn)
    throw new DomainError('partnership.dates_invalid', { field: 'endsOn' });
}

/** Partnerships the actor may see, filtered and paged. The listing is audited. */
export async function findPartnerships(ctx: Ctx, query: z.infer<typeof partnershipQuery>) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const { rows, total } = await selectPartnerships(tx, partnershipReadScope(actor), query);
    await audit(ctx, tx, { action: 'list', entityType: 'partnership', detail: { count: rows.length } });
    return { items: rows.map(toPartnership), total };
  });
}

/** One partnership; outside the actor's scope it does not exist. */
export async function getPartnership(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await selectPartnership(tx, id);
    if (!row || !isInScope(partnershipReadScope(actor), row.regionId, row.partnership.municipalityCode))
      throw new DomainError('resource.not_found');
    await audit(ctx, tx, { action: 'read', entityType: 'partnership', entityId: id });
    return toPartnership(row);
  });
}

async function assertWritable(ctx: Ctx, tx: Db, municipalityCode: string) {
  const [m] = await tx
    .select({ regionId: municipality.regionId })
    .from(municipality)
    .where(eq(municipality.code, municipalityCode));
  if (!m) throw new DomainError('request.invalid', { field: 'municipalityCode', reason: 'unknown' });
  if (!isInScope(partnershipWriteScope(requireActor(ctx)), m.regionId, municipalityCode))
    throw new DomainError('auth.forbidden');
}

/** Records a new partnership with a municipality, as draft unless said otherwise. */
export async function createPartnership(ctx: Ctx, input: PartnershipCreate) {
  assertDates(input.startsOn, input.endsOn);
  return ctx.db.transaction(async (tx) => {
    await assertWritable(ctx, tx, input.municipalityCode);
    const now = ctx.clock();
    const [created] = await tx
      .insert(partnership)
      .values({ ...input, createdAt: now, updatedAt: now })
      .returning({ id: partnership.id });
    await audit(ctx, tx, { action: 'create', entityType: 'partnership', entityId: created!.id });
    return toPartnership((await selectPartnership(tx, created!.id))!);
  });
}

/**
 * Changes a partnership. The caller sends the version they edited; if someone saved in between,
 * the answer is a conflict with the current record, and nothing is overwritten.
 */
export async function updatePartnership(ctx: Ctx, id: string, input: PartnershipUpdate) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await selectPartnership(tx, id);
    if (!row || !isInScope(partnershipReadScope(actor), row.regionId, row.partnership.municipalityCode))
      throw new DomainError('resource.not_found');
    await assertWritable(ctx, tx, row.partnership.municipalityCode);
    const { version, ...changes } = input;
    assertDates(
      changes.startsOn !== undefined ? changes.startsOn : row.partnership.startsOn,
      changes.endsOn !== undefined ? changes.endsOn : row.partnership.endsOn,
    );
    const updated = await tx
      .update(partnership)
      .set({ ...changes, version: version + 1, updatedAt: ctx.clock() })
      .where(and(eq(partnership.id, id), eq(partnership.version, version)))
      .returning({ id: partnership.id });
    if (updated.length === 0)
      throw new DomainError('resource.conflict', { current: toPartnership(row), yourVersion: version });
    await audit(ctx, tx, {
      action: 'update',
      entityType: 'partnership',
      entityId: id,
      detail: { fields: Object.keys(changes) },
    });
    return toPartnership((await selectPartnership(tx, id))!);
  });
}
