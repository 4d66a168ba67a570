import { and, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db.ts';
import type { PartnershipScope } from './organisation.policy.ts';
import { municipality, partnership, region } from './organisation.table.ts';

const likeTerm = (q: string) => `%${q.replace(/[\\%_]/g, '\\$&')}%`;

function scopeFilter(scope: PartnershipScope): SQL | undefined {
  if (scope.all) return undefined;
  const parts: SQL[] = [];
  if (scope.regionIds.length) parts.push(inArray(municipality.regionId, scope.regionIds));
  if (scope.municipalityCodes.length) parts.push(inArray(municipality.code, scope.municipalityCodes));
  return parts.length ? or(...parts) : sql`false`;
}

const partnershipColumns = {
  partnership,
  municipalityName: municipality.name,
  regionId: municipality.regionId,
  regionName: region.name,
};

export type PartnershipRow = {
  partnership: typeof partnership.$inferSelect;
  municipalityName: string;
  regionId: string | null;
  regionName: string | null;
};

export async function selectPartnerships(
  db: Db,
  scope: PartnershipScope,
  filter: {
    status?: 'draft' | 'active' | 'ended';
    regionId?: string;
    q?: string;
    limit: number;
    offset: number;
  },
) {
  const where = and(
    scopeFilter(scope),
    filter.status ? eq(partnership.status, filter.status) : undefined,
    filter.regionId ? eq(municipality.regionId, filter.regionId) : undefined,
    filter.q ? ilike(municipality.name, likeTerm(filter.q)) : undefined,
  );
  const base = () =>
    db
      .select(partnershipColumns)
      .from(partnership)
      .innerJoin(municipality, eq(municipality.code, partnership.municipalityCode))
      .leftJoin(region, eq(region.id, municipality.regionId));
  const rows: PartnershipRow[] = await base()
    .where(where)
    .orderBy(municipality.name, partnership.createdAt)
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db
    .select({ n: count() })
    .from(partnership)
    .innerJoin(municipality, eq(municipality.code, partnership.municipalityCode))
    .where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function selectPartnership(db: Db, id: string): Promise<PartnershipRow | undefined> {
  const [row] = await db
    .select(partnershipColumns)
    .from(partnership)
    .innerJoin(municipality, eq(municipality.code, partnership.municipalityCode))
    .leftJoin(region, eq(region.id, municipality.regionId))
    .where(eq(partnership.id, id));
  return row;
}

/** Municipalities with their region and the status of their most relevant partnership (active before draft before ended). */
export async function selectMunicipalities(
  db: Db,
  filter: { q?: string; regionId?: string; code?: string; limit: number; offset: number },
) {
  const where = and(
    filter.code ? eq(municipality.code, filter.code) : undefined,
    filter.regionId ? eq(municipality.regionId, filter.regionId) : undefined,
    filter.q
      ? or(ilike(municipality.name, likeTerm(filter.q)), ilike(municipality.searchTerms, likeTerm(filter.q)))
      : undefined,
  );
  const status = sql<'draft' | 'active' | 'ended' | null>`(
    select p.status from ${partnership} p where p.municipality_code = ${municipality.code}
    order by case p.status when 'active' then 0 when 'draft' then 1 else 2 end limit 1)`;
  const rows = await db
    .select({
      code: municipality.code,
      name: municipality.name,
      province: municipality.province,
      regionId: municipality.regionId,
      regionName: region.name,
      lat: municipality.lat,
      lon: municipality.lon,
      partnershipStatus: status,
    })
    .from(municipality)
    .leftJoin(region, eq(region.id, municipality.regionId))
    .where(where)
    .orderBy(municipality.name)
    .limit(filter.limit)
    .offset(filter.offset);
  const [total] = await db.select({ n: count() }).from(municipality).where(where);
  return { rows, total: total?.n ?? 0 };
}

export async function selectRegions(db: Db) {
  return db
    .select({
      id: region.id,
      code: region.code,
      name: region.name,
      municipalityCount: count(municipality.code),
    })
    .from(region)
    .leftJoin(municipality, eq(municipality.regionId, region.id))
    .groupBy(region.id)
    .orderBy(region.name);
}
