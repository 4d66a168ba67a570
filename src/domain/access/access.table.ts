import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
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
import type { AuditAction, AuditEntity } from '../../shared/contracts/audit.ts';
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
    /** Encrypted with the key in TOTP_ENCRYPTION_KEY (see secret-box.ts), never stored in plain text. */
    totpSecret: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    /** A new secret being set up; the enrolled one stays active until a code from this one is confirmed. */
    totpPendingSecret: text(),
    /** The last accepted 30-second time step: that code and earlier ones are refused (no replay). */
    totpLastStep: bigint({ mode: 'number' }),
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
    /**
     * A role that reads participant files, given by an administrator, counts only once a lead confirmed it (a
     * coach by the regional lead of that region, a lead by a national lead). Null: waiting for confirmation.
     */
    confirmedAt: timestamp({ withTimezone: true }).defaultNow(),
    confirmedBy: uuid().references((): AnyPgColumn => appUser.id),
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
    /** A short form such as "Firefox on Android", never the raw header. */
    userAgent: text(),
    /** When the password (and code) were last entered again, for sensitive actions. */
    reauthenticatedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/** One-time recovery codes for a lost phone, stored as SHA-256 hashes. */
export const recoveryCode = pgTable(
  'recovery_code',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('recovery_code_user_idx').on(t.userId)],
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

/**
 * Attempt counters for throttling (logins, codes, reset mails, writes), shared by all app instances.
 * `key` is a hash of what is counted (an account, an address, a pair), never the e-mail or IP itself.
 */
export const throttleCounter = pgTable('throttle_counter', {
  key: text().primaryKey(),
  count: integer().notNull(),
  windowEndsAt: timestamp({ withTimezone: true }).notNull(),
  blockedUntil: timestamp({ withTimezone: true }),
});

/** Who read, listed or changed which record, written in the same transaction as the work itself. */
export const auditEvent = pgTable(
  'audit_event',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid().references(() => appUser.id),
    // Text checked by the contract rather than PostgreSQL enums, so a new module adds no migration.
    action: text().$type<AuditAction>().notNull(),
    entityType: text().$type<AuditEntity>().notNull(),
    entityId: text(),
    participantId: uuid(),
    requestId: text(),
    /** The client address, for security events. */
    ip: text(),
    detail: jsonb().$type<Record<string, unknown>>(),
    /**
     * Hash chain (embedded database): each row's hash covers the row and the previous hash, set by a trigger,
     * so a changed or deleted row shows in `npm run audit:verify`. See migration 0002.
     */
    prevHash: text(),
    hash: text(),
  },
  (t) => [
    index('audit_event_at_idx').on(t.at),
    index('audit_event_actor_idx').on(t.actorId, t.at),
    index('audit_event_participant_idx')
      .on(t.participantId, t.at)
      .where(sql`${t.participantId} is not null`),
  ],
);
