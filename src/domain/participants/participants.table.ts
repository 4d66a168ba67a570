import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  cefrLevels,
  cefrSkills,
  contactChannels,
  educationLevels,
  genders,
  integrationRoutes,
  levelSources,
  valuationStatuses,
} from '../../shared/participants.ts';
import { appUser } from '../access/access.table.ts';
import { municipality, region } from '../organisation/organisation.table.ts';

export const genderEnum = pgEnum('gender', genders);
export const contactChannelEnum = pgEnum('contact_channel', contactChannels);
export const integrationRouteEnum = pgEnum('integration_route', integrationRoutes);
export const cefrSkillEnum = pgEnum('cefr_skill', cefrSkills);
export const cefrLevelEnum = pgEnum('cefr_level', cefrLevels);
export const levelSourceEnum = pgEnum('level_source', levelSources);
export const educationLevelEnum = pgEnum('education_level', educationLevels);
export const valuationStatusEnum = pgEnum('valuation_status', valuationStatuses);

export type Availability = { days: string[]; hoursPerWeek: number | null };
export type Constraints = {
  childcare: boolean;
  healthLimitsAvailability: boolean;
  healthHoursPerWeek: number | null;
};
export type Ambitions = {
  dreamJob: { escoUri: string | null; text: string }; // droombaan
  nextStep: { escoUri: string | null; text: string }; // tussenstap: a realistic intermediate step towards the dream job
  sectors: string[];
};

/**
 * A participant (deelnemer). Names are free text as the person writes them; there is no BSN anywhere.
 * Nationality and country of birth can reveal ethnic origin: only the coach team and leads see them.
 */
export const participant = pgTable(
  'participant',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    permitName: text().notNull().default(''), // as on the residence permit
    nameKey: text().notNull(), // normalised for spelling-tolerant search (Mohammed / Muhammad)
    dateOfBirth: date({ mode: 'string' }),
    gender: genderEnum().notNull().default('not_given'),
    nationality: text(), // ISO 3166-1 alpha-2
    countryOfBirth: text(),
    languages: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`), // BCP 47
    preferredLanguage: text().notNull().default('nl'),
    contactChannel: contactChannelEnum().notNull().default('phone'),
    phone: text().notNull().default(''),
    email: text().notNull().default(''),
    municipalityCode: text()
      .notNull()
      .references(() => municipality.code),
    // The municipality's region, copied here so that a regional lead's search is one index lookup (region and
    // name together). Never written by the app: triggers set it from the municipality on every insert and
    // change, also when a municipality moves to another region (migration 0006).
    regionId: uuid().references(() => region.id),
    arrivalDate: date({ mode: 'string' }),
    permitDate: date({ mode: 'string' }),
    integrationRoute: integrationRouteEnum().notNull().default('unknown'),
    pipDate: date({ mode: 'string' }),
    hasDrivingLicence: boolean().notNull().default(false),
    availability: jsonb().$type<Availability>().notNull().default({ days: [], hoursPerWeek: null }),
    constraints: jsonb()
      .$type<Constraints>()
      .notNull()
      .default({ childcare: false, healthLimitsAvailability: false, healthHoursPerWeek: null }),
    ambitions: jsonb()
      .$type<Ambitions>()
      .notNull()
      .default({ dreamJob: { escoUri: null, text: '' }, nextStep: { escoUri: null, text: '' }, sectors: [] }),
    userId: uuid().references(() => appUser.id), // the participant's own login for the portal
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid().references(() => appUser.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('participant_municipality_idx').on(t.municipalityCode),
    index('participant_name_key_idx').on(t.nameKey),
    // Search finds a word anywhere in the name (`%moh%`): a trigram index answers that without reading every row.
    // The region is in the same index (btree_gin), so a regional lead's search for a common name reads only the
    // hits in their region; a search without a region (the national lead, a coach) uses the name part alone.
    index('participant_region_name_trgm_idx').using('gin', t.regionId, t.nameKey.op('gin_trgm_ops')),
    index('participant_user_idx').on(t.userId),
  ],
);

/** Dutch level per CEFR skill. Every assessment is kept, so progress shows. */
export const languageLevel = pgTable(
  'language_level',
  {
    id: uuid().primaryKey().defaultRandom(),
    participantId: uuid()
      .notNull()
      .references(() => participant.id, { onDelete: 'cascade' }),
    skill: cefrSkillEnum().notNull(),
    level: cefrLevelEnum().notNull(),
    assessedOn: date({ mode: 'string' }).notNull(),
    source: levelSourceEnum().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('language_level_participant_idx').on(t.participantId, t.skill, t.assessedOn)],
);

export const education = pgTable(
  'education',
  {
    id: uuid().primaryKey().defaultRandom(),
    participantId: uuid()
      .notNull()
      .references(() => participant.id, { onDelete: 'cascade' }),
    country: text(),
    level: educationLevelEnum().notNull(),
    field: text().notNull().default(''),
    years: integer(),
    hasDiploma: boolean().notNull().default(false),
    valuation: valuationStatusEnum().notNull().default('not_requested'), // diplomawaardering (IDW)
    valuationResult: text().notNull().default(''),
  },
  (t) => [index('education_participant_idx').on(t.participantId)],
);

export const workExperience = pgTable(
  'work_experience',
  {
    id: uuid().primaryKey().defaultRandom(),
    participantId: uuid()
      .notNull()
      .references(() => participant.id, { onDelete: 'cascade' }),
    escoUri: text(),
    occupation: text().notNull(), // the label or the person's own words
    years: integer(),
    country: text(),
  },
  (t) => [index('work_experience_participant_idx').on(t.participantId)],
);
