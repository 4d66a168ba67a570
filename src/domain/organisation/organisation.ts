import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { municipalityQuery, programmeUpdate } from '../../shared/contracts/organisation.ts';
import { audit } from '../access/index.ts';
import { DomainError, type Ctx } from '../context.ts';
import { selectMunicipalities, selectRegions } from './organisation.queries.ts';
import { municipality, programme, region } from './organisation.table.ts';

export async function getProgramme(ctx: Ctx) {
  const [row] = await ctx.db.select().from(programme).limit(1);
  if (!row) throw new DomainError('resource.not_found');
  return row;
}

/** Changes the programme's settings, such as the default trajectory length and the topic list. */
export async function updateProgramme(ctx: Ctx, input: z.infer<typeof programmeUpdate>) {
  return ctx.db.transaction(async (tx) => {
    const current = await getProgramme({ ...ctx, db: tx });
    const [row] = await tx.update(programme).set(input).where(eq(programme.id, current.id)).returning();
    await audit(ctx, tx, {
      action: 'update',
      entityType: 'programme',
      entityId: current.id,
      detail: { fields: Object.keys(input) },
    });
    return row!;
  });
}

export async function findRegions(ctx: Ctx) {
  return { items: await selectRegions(ctx.db) };
}

export async function findMunicipalities(ctx: Ctx, query: z.infer<typeof municipalityQuery>) {
  const { rows, total } = await selectMunicipalities(ctx.db, query);
  return { items: rows, total };
}

/** Regional foundations draw their own boundaries, so a municipality's region is data a lead can change. */
export async function moveMunicipalityToRegion(ctx: Ctx, code: string, regionId: string) {
  return ctx.db.transaction(async (tx) => {
    const [target] = await tx.select({ id: region.id }).from(region).where(eq(region.id, regionId));
    if (!target) throw new DomainError('request.invalid', { field: 'regionId', reason: 'unknown' });
    const updated = await tx
      .update(municipality)
      .set({ regionId })
      .where(eq(municipality.code, code))
      .returning();
    if (updated.length === 0) throw new DomainError('resource.not_found');
    await audit(ctx, tx, {
      action: 'update',
      entityType: 'municipality',
      entityId: code,
      detail: { regionId },
    });
    const { rows } = await selectMunicipalities(tx, { code, limit: 1, offset: 0 });
    return rows[0]!;
  });
}
