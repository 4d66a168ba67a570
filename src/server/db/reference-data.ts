import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { count } from 'drizzle-orm';
import type { Db } from '../../domain/db.ts';
import { municipality, programme, region } from '../../domain/organisation/index.ts';
import { loadOccupations } from '../../domain/occupations/index.ts';
import { loadDefaultCurriculum } from '../../domain/training/index.ts';

type MunicipalityCsv = {
  cbs_code: string;
  name: string;
  province: string;
  demo_region: string;
  lat: string;
  lon: string;
  search_terms: string;
};

export function readMunicipalities(): MunicipalityCsv[] {
  return parse(readFileSync(new URL('../../../data/municipalities/municipalities.csv', import.meta.url)), {
    columns: true,
    skip_empty_lines: true,
  });
}

/** Topics for coaching and training (DOMAIN.md, pillar 1 and 2); leads can change the list. */
const defaultTopics = [
  'Zelfkennis en competenties',
  'Beroepen in Nederland',
  'Arbeidsmarkt en werkcultuur',
  'Cv',
  'Solliciteren',
  'Pitch',
  'Netwerken',
  'Praktijkervaring',
  'Werknemersvaardigheden',
  'Nederlands op het werk',
  'Opleiding en diploma',
  'Zelfvertrouwen',
];

/** The five regional foundations. Their boundaries are data: a lead can move a municipality. */
export const regionNames: Record<string, string> = {
  Noord: 'Regio Noord',
  Oost: 'Regio Oost',
  Midden: 'Regio Midden',
  Zuidwest: 'Regio Zuidwest',
  Zuid: 'Regio Zuid',
};

/** ESCO occupations, the programme, the regions and all municipalities. Every database has these; loading twice changes nothing. */
export async function loadReferenceData(db: Db) {
  await loadOccupations(db);
  await loadDefaultCurriculum(db);
  const [existing] = await db.select({ n: count() }).from(programme);
  if (existing && existing.n > 0) return false;
  await db.transaction(async (tx) => {
    await tx.insert(programme).values({
      name: 'VIP – Vluchtelingen Investeren in Participeren',
      funder: 'AMIF (EU)',
      trajectoryMonths: 6,
      topics: defaultTopics,
    });
    const regions = await tx
      .insert(region)
      .values(Object.entries(regionNames).map(([code, name]) => ({ code, name })))
      .onConflictDoNothing()
      .returning();
    const regionId = new Map(regions.map((r) => [r.code, r.id]));
    await tx
      .insert(municipality)
      .values(
        readMunicipalities().map((m) => ({
          code: m.cbs_code,
          name: m.name,
          province: m.province,
          regionId: regionId.get(m.demo_region) ?? null,
          lat: Number(m.lat),
          lon: Number(m.lon),
          searchTerms: m.search_terms ?? '',
        })),
      )
      .onConflictDoNothing();
  });
  return true;
}
