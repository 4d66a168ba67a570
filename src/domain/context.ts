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

/** Sends e-mail and SMS. The dev default writes to the outbox only. */
export type MessageSender = {
  send(
    tx: Db,
    message: { channel: 'email' | 'sms'; recipient: string; subject?: string; body: string },
  ): Promise<void>;
};

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
};

/** A failure the user can act on. The HTTP layer maps the code to a status and the web app translates it. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown> | { field: string; message: string }[],
    message?: string,
  ) {
    super(message ?? code);
    this.name = 'DomainError';
  }
}

export const hasRole = (actor: Actor | null, ...roles: Role[]) =>
  !!actor && actor.roles.some((r) => roles.includes(r.role));

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new DomainError('auth.unauthenticated');
  return ctx.actor;
}
