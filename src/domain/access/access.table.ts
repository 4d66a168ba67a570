import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { municipalFunctions, roles } from '../../shared/roles.ts';
import { auditActions, auditEntities } from '../../shared/contracts/audit.ts';
import { locales } from '../../shared/locales.ts';
import { municipality, region } from '../organisation/organisation.table.ts';
import { employer } from '../employers/employers.table.ts';

export const roleEnum = pgEnum('role', roles);
export const municipalFunctionEnum = pgEnum('municipal_function', municipalFunctions);
export const localeEnum = pgEnum('locale', locales);

export const appUser = pgTable(
  'app_user',
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(), // stored lower-case
    displayName: text().notNull(),
    preferredLanguage: localeEnum().notNull().default('nl'),
    passwordHash: text(), // null until the invitation is accepted
    totpSecret: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    isDemo: boolean().notNull().default(false),
    disabledAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('app_user_email_idx').on(t.email)],
);

/** One role a user holds, with the scope it applies to. */
export const roleAssignment = pgTable(
  'role_assignment',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    role: roleEnum().notNull(),
    regionId: uuid().references(() => region.id),
    municipalityCode: text().references(() => municipality.code),
    municipalFunction: municipalFunctionEnum(),
    employerId: uuid().references(() => employer.id),
  },
  (t) => [
    index('role_assignment_user_idx').on(t.userId),
    index('role_assignment_region_idx').on(t.regionId, t.role),
  ],
);

export const sessionStage = pgEnum('session_stage', ['full', 'totp', 'totp_setup']);

/** Server-side session. `id` is the SHA-256 of the cookie value, so a database leak gives no live cookies. */
export const session = pgTable(
  'session',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    stage: sessionStage().notNull(),
    idleTimeoutSeconds: integer().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    endedAt: timestamp({ withTimezone: true }),
    userAgent: text(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

export const authTokenKind = pgEnum('auth_token_kind', ['invitation', 'password_reset']);

/** One-time links (invitation, password reset). `id` is the SHA-256 of the token in the link. */
export const authToken = pgTable(
  'auth_token',
  {
    id: text().primaryKey(),
    kind: authTokenKind().notNull(),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('auth_token_user_idx').on(t.userId)],
);

/** Failed logins, keyed by a hash of the account or the IP address, for throttling across instances. */
export const authFailure = pgTable(
  'auth_failure',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    key: text().notNull(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('auth_failure_key_at_idx').on(t.key, t.at)],
);

export const auditActionEnum = pgEnum('audit_action', auditActions);
export const auditEntityEnum = pgEnum('audit_entity', auditEntities);

/** Who read, listed or changed which record, written in the same transaction as the work itself. */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid().references(() => appUser.id),
    action: auditActionEnum().notNull(),
    entityType: auditEntityEnum().notNull(),
    entityId: text(),
    participantId: uuid(),
    requestId: text(),
    detail: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_event_at_idx').on(t.at),
    index('audit_event_actor_idx').on(t.actorId, t.at),
    index('audit_event_participant_idx')
      .on(t.participantId, t.at)
      .where(sql`${t.participantId} is not null`),
  ],
);
