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
  uniqueIndex,
  uuid,
  primaryKey,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { referrerKinds, stopReasons, trajectoryStatuses } from '../../shared/participants.ts';
import {
  activityKinds,
  applicationStatuses,
  appointmentPlaces,
  appointmentStatuses,
  goalKinds,
  meetingModes,
  noteVisibilities,
  stepOwners,
  stepStatuses,
} from '../../shared/trajectories.ts';
import { appUser } from '../access/access.table.ts';
import { municipality } from '../organisation/organisation.table.ts';
import { participant } from '../participants/participants.table.ts';

export const trajectoryStatusEnum = pgEnum('trajectory_status', trajectoryStatuses);
export const stopReasonEnum = pgEnum('stop_reason', stopReasons);
export const referrerKindEnum = pgEnum('referrer_kind', referrerKinds);

/** One trajectory of a participant, from referral to its end. At most one is open per participant. */
export const trajectory = pgTable(
  'trajectory',
  {
    id: uuid().primaryKey().defaultRandom(),
    participantId: uuid()
      .notNull()
      .references(() => participant.id, { onDelete: 'cascade' }),
    status: trajectoryStatusEnum().notNull().default('referred'),
    municipalityCode: text()
      .notNull()
      .references(() => municipality.code),
    coachId: uuid().references(() => appUser.id),
    referredOn: date({ mode: 'string' }).notNull(),
    referredBy: uuid().references(() => appUser.id),
    referrerKind: referrerKindEnum().notNull(),
    referralMotivation: text().notNull().default(''),
    intakeOn: date({ mode: 'string' }),
    startedOn: date({ mode: 'string' }),
    plannedEndOn: date({ mode: 'string' }),
    endedOn: date({ mode: 'string' }),
    stopReason: stopReasonEnum(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('trajectory_one_open_idx')
      .on(t.participantId)
      .where(sql`${t.status} in ('referred', 'intake', 'active')`),
    index('trajectory_participant_idx').on(t.participantId, t.createdAt),
    index('trajectory_coach_idx').on(t.coachId, t.status),
    index('trajectory_municipality_idx').on(t.municipalityCode, t.status),
  ],
);

/** Every change of coach, so the history of who coached whom is kept. */
export const coachAssignment = pgTable(
  'coach_assignment',
  {
    id: uuid().primaryKey().defaultRandom(),
    trajectoryId: uuid()
      .notNull()
      .references(() => trajectory.id, { onDelete: 'cascade' }),
    coachId: uuid()
      .notNull()
      .references(() => appUser.id),
    assignedBy: uuid().references(() => appUser.id),
    assignedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('coach_assignment_trajectory_idx').on(t.trajectoryId)],
);

export const trajectoryExtension = pgTable(
  'trajectory_extension',
  {
    id: uuid().primaryKey().defaultRandom(),
    trajectoryId: uuid()
      .notNull()
      .references(() => trajectory.id, { onDelete: 'cascade' }),
    previousEndOn: date({ mode: 'string' }).notNull(),
    newEndOn: date({ mode: 'string' }).notNull(),
    reason: text().notNull(),
    approvedBy: uuid()
      .notNull()
      .references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('trajectory_extension_trajectory_idx').on(t.trajectoryId)],
);

export const goalKindEnum = pgEnum('goal_kind', goalKinds);
export const stepOwnerEnum = pgEnum('step_owner', stepOwners);
export const stepStatusEnum = pgEnum('step_status', stepStatuses);

export type PlanGoal = { id: string; kind: (typeof goalKinds)[number]; target: string; dueOn: string | null };
export type PlanStep = {
  id: string;
  goalId: string | null;
  text: string;
  owner: (typeof stepOwners)[number];
  dueOn: string | null;
};

/**
 * The trajectory plan, one row per saved version. The participant agrees to a version; a later version waits
 * for agreement again. Step progress lives in `step_progress`, so ticking a step off is not a plan change.
 */
export const planVersion = pgTable(
  'plan_version',
  {
    trajectoryId: uuid()
      .notNull()
      .references(() => trajectory.id, { onDelete: 'cascade' }),
    version: integer().notNull(),
    goals: jsonb().$type<PlanGoal[]>().notNull(),
    steps: jsonb().$type<PlanStep[]>().notNull(),
    savedBy: uuid().references(() => appUser.id),
    savedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    agreedAt: timestamp({ withTimezone: true }),
    agreedBy: uuid().references(() => appUser.id),
  },
  (t) => [primaryKey({ columns: [t.trajectoryId, t.version] })],
);

export const stepProgress = pgTable(
  'step_progress',
  {
    trajectoryId: uuid()
      .notNull()
      .references(() => trajectory.id, { onDelete: 'cascade' }),
    stepId: text().notNull(),
    status: stepStatusEnum().notNull(),
    changedBy: uuid().references(() => appUser.id),
    changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.trajectoryId, t.stepId] })],
);

export const meetingModeEnum = pgEnum('meeting_mode', meetingModes);

/** A coaching meeting (gesprek) as it happened, with its topics; agreed actions become plan steps. */
export const meeting = pgTable(
  'meeting',
  {
    id: uuid().primaryKey().defaultRandom(),
    trajectoryId: uuid()
      .notNull()
      .references(() => trajectory.id, { onDelete: 'cascade' }),
    heldOn: date({ mode: 'string' }).notNull(),
    durationMinutes: integer().notNull(),
    mode: meetingModeEnum().notNull(),
    topics: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    summary: text().notNull().default(''),
    createdBy: uuid().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('meeting_trajectory_idx').on(t.trajectoryId, t.heldOn)],
);

export const noteVisibilityEnum = pgEnum('note_visibility', noteVisibilities);

/** A note by the coach team, or a question from the participant to their coach. */
export const note = pgTable(
  'note',
  {
    id: uuid().primaryKey().defaultRandom(),
    trajectoryId: uuid()
      .notNull()
      .references(() => trajectory.id, { onDelete: 'cascade' }),
    body: text().notNull(),
    visibility: noteVisibilityEnum().notNull(),
    isQuestion: boolean().notNull().default(false),
    /** An answer to a participant's question (a note the participant sees). */
    replyTo: uuid().references((): AnyPgColumn => note.id, { onDelete: 'cascade' }),
    /** A question the coach closed: answered enough, or asked elsewhere. */
    closedAt: timestamp({ withTimezone: true }),
    closedBy: uuid().references(() => appUser.id),
    createdBy: uuid().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('note_trajectory_idx').on(t.trajectoryId, t.createdAt),
    index('note_reply_to_idx').on(t.replyTo),
  ],
);

export const applicationStatusEnum = pgEnum('application_status', applicationStatuses);

export const jobApplication = pgTable(
  'job_application',
  {
    id: uuid().primaryKey().defaultRandom(),
    trajectoryId: uuid()
      .notNull()
      .references(() => trajectory.id, { onDelete: 'cascade' }),
    vacancy: text().notNull(),
    employerName: text().notNull(),
    appliedOn: date({ mode: 'string' }).notNull(),
    status: applicationStatusEnum().notNull().default('sent'),
    followUpOn: date({ mode: 'string' }),
    createdBy: uuid().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('job_application_trajectory_idx').on(t.trajectoryId)],
);

export const activityKindEnum = pgEnum('activity_kind', activityKinds);

/** Other steps taken together: a CV made, an open day, a temp agency visit, a contract read together, … */
export const activity = pgTable(
  'activity',
  {
    id: uuid().primaryKey().defaultRandom(),
    trajectoryId: uuid()
      .notNull()
      .references(() => trajectory.id, { onDelete: 'cascade' }),
    kind: activityKindEnum().notNull(),
    happenedOn: date({ mode: 'string' }).notNull(),
    note: text().notNull().default(''),
    createdBy: uuid().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('activity_trajectory_idx').on(t.trajectoryId, t.happenedOn)],
);

export const appointmentPlaceEnum = pgEnum('appointment_place', appointmentPlaces);
export const appointmentStatusEnum = pgEnum('appointment_status', appointmentStatuses);

/**
 * A planned appointment (afspraak) with the participant: when, where, with whom, what to bring. Moving or
 * changing it raises `version` (the reminder of an older version is not sent); the meeting record of what
 * happened closes it (`held`).
 */
export const appointment = pgTable(
  'appointment',
  {
    id: uuid().primaryKey().defaultRandom(),
    trajectoryId: uuid()
      .notNull()
      .references(() => trajectory.id, { onDelete: 'cascade' }),
    /** Whose calendar it is in: two appointments of one coach may not overlap. */
    coachId: uuid()
      .notNull()
      .references(() => appUser.id),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    durationMinutes: integer().notNull(),
    placeKind: appointmentPlaceEnum().notNull(),
    /** The address, the video link or the phone number, as the kind says. */
    place: text().notNull(),
    withWhom: text().notNull().default(''),
    bring: text().notNull().default(''),
    status: appointmentStatusEnum().notNull().default('planned'),
    version: integer().notNull().default(1),
    /** The version whose reminder went out: a retried reminder job sends nothing twice. */
    remindedVersion: integer(),
    meetingId: uuid().references(() => meeting.id, { onDelete: 'set null' }),
    createdBy: uuid().references(() => appUser.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid().references(() => appUser.id),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointment_trajectory_idx').on(t.trajectoryId, t.startsAt),
    index('appointment_coach_idx')
      .on(t.coachId, t.startsAt)
      .where(sql`${t.status} = 'planned'`),
  ],
);
