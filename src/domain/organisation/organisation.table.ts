import { sql } from 'drizzle-orm';
import type { Sector } from '../../shared/contracts/organisation.ts';
import {
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
  date,
} from 'drizzle-orm/pg-core';

export const programme = pgTable('programme', {
  id: uuid().primaryKey().defaultRandom(),
  name: text().notNull(),
  funder: text().notNull().default(''),
  trajectoryMonths: integer().notNull().default(6),
  topics: text()
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
});

/** A regional foundation (regionale stichting) that runs the programme in its area. */
export const region = pgTable('region', {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  name: text().notNull(),
});

export const municipality = pgTable(
  'municipality',
  {
    code: text().primaryKey(), // CBS code, GMxxxx
    name: text().notNull(),
    province: text().notNull(),
    regionId: uuid().references(() => region.id),
    lat: doublePrecision().notNull(),
    lon: doublePrecision().notNull(),
    searchTerms: text().notNull().default(''),
  },
  (t) => [index('municipality_region_idx').on(t.regionId)],
);

export const partnershipStatus = pgEnum('partnership_status', ['draft', 'active', 'ended']);

export type PartnershipContact = {
  role: 'client_manager' | 'job_coach' | 'employer_advisor' | 'policy_officer' | 'manager';
  name: string;
  email?: string;
  phone?: string;
};

/** The agreement with a municipality; a trajectory may only start under an active one. */
export const partnership = pgTable(
  'partnership',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityCode: text()
      .notNull()
      .references(() => municipality.code),
    status: partnershipStatus().notNull().default('draft'),
    startsOn: date({ mode: 'string' }),
    endsOn: date({ mode: 'string' }),
    contacts: jsonb().$type<PartnershipContact[]>().notNull().default([]),
    goals: text().notNull().default(''),
    communication: text().notNull().default(''),
    sectorFocus: text()
      .array()
      .$type<Sector[]>()
      .notNull()
      .default(sql`'{}'::text[]`),
    notes: text().notNull().default(''),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('partnership_municipality_idx').on(t.municipalityCode),
    index('partnership_status_idx').on(t.status),
  ],
);
