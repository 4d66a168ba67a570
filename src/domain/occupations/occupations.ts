import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { asc, count, ilike, sql } from 'drizzle-orm';
import type { Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { occupation } from './occupations.table.ts';

type OccupationCsv = {
  concept_uri: string;
  esco_code: string;
  isco_group: string;
  label_nl: string;
  label_en: string;
  alt_labels_nl: string;
  alt_labels_en: string;
};

/** Loads the ESCO occupations once (about 3,000 rows). */
export async function loadOccupations(db: Db) {
  const [existing] = await db.select({ n: count() }).from(occupation);
  if (existing && existing.n > 0) return false;
  const rows: OccupationCsv[] = parse(
    readFileSync(new URL('../../../data/esco/occupations.csv', import.meta.url)),
    {
      columns: true,
      skip_empty_lines: true,
    },
  );
  const values = rows.map((r) => ({
    uri: r.concept_uri,
    code: r.esco_code,
    iscoGroup: r.isco_group,
    labelNl: r.label_nl,
    labelEn: r.label_en,
    altLabelsNl: r.alt_labels_nl,
    altLabelsEn: r.alt_labels_en,
    searchText: [r.label_nl, r.label_en, r.alt_labels_nl, r.alt_labels_en].join('|').toLowerCase(),
  }));
  await db.transaction(async (tx) => {
    for (let i = 0; i < values.length; i += 500)
      await tx
        .insert(occupation)
        .values(values.slice(i, i + 500))
        .onConflictDoNothing();
  });
  return true;
}

/** Finds occupations by Dutch or English label or alternative label ("kapper" finds "haarstylist"). */
export async function searchOccupations(ctx: Ctx, q: string, limit: number) {
  const term = `%${q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
  const startsWith = `${q.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
  return (
    ctx.db
      .select({
        uri: occupation.uri,
        code: occupation.code,
        iscoGroup: occupation.iscoGroup,
        labelNl: occupation.labelNl,
        labelEn: occupation.labelEn,
      })
      .from(occupation)
      .where(ilike(occupation.searchText, term))
      // Labels that start with the words typed come first, then shorter labels.
      .orderBy(
        sql`case when lower(${occupation.labelNl}) like ${startsWith} or lower(${occupation.labelEn}) like ${startsWith} then 0 else 1 end`,
        sql`length(${occupation.labelNl})`,
        asc(occupation.labelNl),
      )
      .limit(limit)
  );
}
