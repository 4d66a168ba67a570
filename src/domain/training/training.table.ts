import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  attendanceStatuses,
  cohortStatuses,
  memberStatuses,
  sessionKinds,
} from '../../shared/contracts/training.ts';
import type { Sector } from '../../shared/contracts/organisation.ts';
import { appUser } from '../access/access.table.ts';
import { region } from '../organisation/organisation.table.ts';
import { participant } from '../participants/participants.table.ts';
import { trajectory } from '../trajectories/trajectories.table.ts';

/** A module of the programme's curriculum. Defaults come from the report (`key`); the national lead edits. */
export const trainingModule = pgTable('training_module', {
  id: uuid().primaryKey().defaultRandom(),
  /** The report's default module this is (translated by the web app), or null for one the lead added. */
  key: text().unique(),
  /** The lead's own title; null: the translated default. */
  title: text(),
  position: integer().notNull(),
  isActive: boolean().notNull().default(true),
});

export const cohortStatusEnum = pgEnum('cohort_status', cohortStatuses);
export const sessionKindEnum = pgEnum('session_kind', sessionKinds);
export const attendanceStatusEnum = pgEnum('attendance_status', attendanceStatuses);
export const memberStatusEnum = pgEnum('cohort_member_status', memberStatuses);

/** A training group (cohort) in one region. */
export const cohort = pgTable(
  'cohort',
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    regionId: uuid()
      .notNull()
      .references(() => region.id),
    municipalityCodes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    sectorTrack: text().$type<Sector>(),
    capacity: integer().notNull(),
    startsOn: date({ mode: 'string' }).notNull(),
    endsOn: date({ mode: 'string' }).notNull(),
    location: text().notNull().default(''),
    status: cohortStatusEnum().notNull().default('planned'),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('cohort_region_idx').on(t.regionId, t.status)],
);

/** Who trains a cohort (one or more trainers). */
export const cohortTrainer = pgTable(
  'cohort_trainer',
  {
    cohortId: uuid()
      .notNull()
      .references(() => cohort.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => appUser.id),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] }), index('cohort_trainer_user_idx').on(t.userId)],
);

/** A participant in a cohort (or on its waiting list), joined from their trajectory. */
export const cohortMember = pgTable(
  'cohort_member',
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid()
      .notNull()
      .references(() => cohort.id, { onDelete: 'cascade' }),
    participantId: uuid()
      .notNull()
      .references(() => participant.id, { onDelete: 'cascade' }),
    trajectoryId: uuid()
      .notNull()
      .references(() => trajectory.id, { onDelete: 'cascade' }),
    status: memberStatusEnum().notNull(),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    addedBy: uuid().references(() => appUser.id),
  },
  (t) => [
    uniqueIndex('cohort_member_once_idx').on(t.cohortId, t.participantId),
    index('cohort_member_participant_idx').on(t.participantId),
    index('cohort_member_trajectory_idx').on(t.trajectoryId),
  ],
);

/** One meeting of a cohort. */
export const trainingSession = pgTable(
  'training_session',
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid()
      .notNull()
      .references(() => cohort.id, { onDelete: 'cascade' }),
    date: date({ mode: 'string' }).notNull(),
    startTime: text().notNull(),
    endTime: text().notNull(),
    place: text().notNull().default(''),
    onlineUrl: text().notNull().default(''),
    kind: sessionKindEnum().notNull().default('regular'),
    trainerId: uuid().references(() => appUser.id),
    moduleIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    guests: text().notNull().default(''),
    bring: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('training_session_cohort_idx').on(t.cohortId, t.date),
    index('training_session_trainer_idx').on(t.trainerId, t.date),
  ],
);

/** Who was there: one mark per participant and session; marking again replaces it. */
export const attendance = pgTable(
  'attendance',
  {
    sessionId: uuid()
      .notNull()
      .references(() => trainingSession.id, { onDelete: 'cascade' }),
    participantId: uuid()
      .notNull()
      .references(() => participant.id, { onDelete: 'cascade' }),
    status: attendanceStatusEnum().notNull(),
    markedBy: uuid().references(() => appUser.id),
    markedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.participantId] }),
    index('attendance_participant_idx').on(t.participantId),
  ],
);
