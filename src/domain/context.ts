import type { Logger } from 'pino';
import type { ErrorCode } from '../shared/errors.ts';
import type { Role, MunicipalFunction } from '../shared/roles.ts';
import type { Db } from './db.ts';
import type { SecretBox } from './access/secret-box.ts';

/** A role the actor holds, with the scope it applies to. */
export type ScopedRole = {
  role: Role;
  regionId: string | null;
  municipalityCode: string | null;
  municipalFunction: MunicipalFunction | null;
  employerId: string | null;
};

/** Who is acting. Use cases decide on this, never on the HTTP request. */
export type Actor = {
  userId: string;
  sessionId: string | null;
  roles: ScopedRole[];
  /** When the session last entered the password again (sensitive actions need a recent one). */
  reauthenticatedAt?: Date | null;
};

export type Message = { channel: 'email' | 'sms'; recipient: string; subject?: string; body: string };

/**
 * Sends e-mail and SMS, in the caller's transaction: the message goes out only if the change is committed.
 * The dev default writes to the outbox only; a real sender also queues the delivery (a job).
 */
export type MessageSender = {
  send(ctx: Pick<Ctx, 'jobs' | 'secretBox'>, tx: Db, message: Message): Promise<void>;
};

/** Work to do later or outside the request: reminders, follow-ups, mail delivery. */
export type JobQueue = {
  /**
   * Adds a job in the caller's transaction: it exists only if the change that caused it is committed.
   * `key` makes the job unique: a second job with the same name and key is not added (idempotent enqueue).
   */
  enqueue(
    tx: Db,
    name: string,
    data: Record<string, unknown>,
    options?: { startAfter?: Date; key?: string },
  ): Promise<void>;
};

/**
 * A job a module offers: its name, what to do (with a context of its own: no actor, the app's clock and
 * sender), and optionally when it recurs. Handlers must be idempotent: a retry, or a second instance, may run
 * a job whose work partly happened.
 */
export type JobDefinition<T extends Record<string, unknown> = Record<string, unknown>> = {
  name: string;
  run(ctx: Ctx, data: T): Promise<void>;
  /** A cron line in Europe/Amsterdam time, e.g. `0 7 * * *` for every day at 07:00. */
  schedule?: string;
  /** Tries after the first, with growing waits (default 5). */
  retries?: number;
};

/** A line on a participant's timeline as a module gives it: who did it as an account id, named by the timeline. */
export type TimelineContribution = {
  kind: string;
  at: string;
  title: string;
  text: string | null;
  byId: string | null;
  data: Record<string, unknown>;
};
/** A reason for the coach to look at a trajectory today. */
export type TodayContribution = { trajectoryId: string; reason: string; detail: string | null };
/** A card on the participant's portal home: a title key the web app translates, a date, a line of text, a link. */
export type PortalCard = {
  kind: string;
  title: string;
  at: string | null;
  text: string | null;
  link: string | null;
};

/**
 * What modules add to views that another module owns (docs/architecture.md, "Adding a module"): the participant's
 * timeline, the coach's "today" list, the portal home. Each source reads its own tables; the owner of the view
 * has already checked that the actor may see the participant or trajectories it passes.
 */
export type Contributions = {
  timeline: ((
    tx: Db,
    on: { participantId: string; trajectoryIds: string[]; forParticipant: boolean },
  ) => Promise<TimelineContribution[]>)[];
  today: ((tx: Db, on: { trajectoryIds: string[]; today: string }) => Promise<TodayContribution[]>)[];
  portal: ((
    tx: Db,
    on: { participantId: string; trajectoryId: string | null; today: string },
  ) => Promise<PortalCard[]>)[];
};
export const noContributions: Contributions = { timeline: [], today: [], portal: [] };

/** Everything a use case needs. Routes, scripts, jobs and tests build one the same way. */
export type Ctx = {
  db: Db;
  actor: Actor | null;
  clock: () => Date;
  log: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  requestId: string | null;
  sender: MessageSender;
  publicUrl: string;
  /** The client's address, for security events and throttling; null outside a request. */
  ip: string | null;
  /** Demo mode: demo accounts may sign in (without a second factor). Never in production. */
  demoMode: boolean;
  /** Encrypts second-factor secrets at rest. */
  secretBox: SecretBox;
  jobs: JobQueue;
  /** What the modules add to shared views (server/modules.ts). */
  contributions: Contributions;
};

/** A failure the user can act on. The HTTP layer maps the code to a status and the web app translates it. */
export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown> | { field: string; message: string }[];
  constructor(code: ErrorCode, details?: DomainError['details'], message?: string) {
    super(message ?? code);
    this.name = 'DomainError';
    this.code = code;
    this.details = details;
  }
}

export const hasRole = (actor: Actor | null, ...roles: Role[]) =>
  !!actor && actor.roles.some((r) => roles.includes(r.role));

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new DomainError('auth.unauthenticated');
  return ctx.actor;
}
