import { index, pgTable, text } from 'drizzle-orm/pg-core';

/** ESCO occupations with Dutch and English labels (© European Union, ESCO classification). */
export const occupation = pgTable(
  'occupation',
  {
    uri: text().primaryKey(),
    code: text().notNull(),
    iscoGroup: text().notNull(),
    labelNl: text().notNull(),
    labelEn: text().notNull(),
    altLabelsNl: text().notNull().default(''),
    altLabelsEn: text().notNull().default(''),
    searchText: text().notNull(), // all labels, lower-case, for search
  },
  (t) => [index('occupation_isco_idx').on(t.iscoGroup)],
);
