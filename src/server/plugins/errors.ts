import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { errors, type ErrorCode } from '../../shared/errors.ts';
import { DomainError } from '../../domain/context.ts';
import { audit } from '../../domain/access/index.ts';
import type { Db } from '../../domain/db.ts';

const body = (code: ErrorCode, details?: unknown, message: string = errors[code].message) => ({
  error: { code, message, ...(details === undefined ? {} : { details }) },
});

type FieldIssue = { field: string; message: string };

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid',
};

type DatabaseFailure = { sqlState: string | null; constraint: string | null };

/**
 * Finds the database error in an error's causes. Drizzle's message holds the whole statement and its
 * parameters (personal data), so of a database failure only the SQLSTATE code and the constraint name are kept.
 */
export function databaseFailure(error: unknown): DatabaseFailure | null {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 5; depth++) {
    const code = typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : null;
    const isQueryError =
      e.name === 'DrizzleQueryError' ||
      'query' in e ||
      (typeof e.message === 'string' && /^Failed query/.test(e.message));
    if (code || isQueryError) {
      const cause = e.cause as Record<string, unknown> | undefined;
      const state = code ?? (typeof cause?.code === 'string' ? cause.code : null);
      const source = code ? e : cause;
      return {
        sqlState: state,
        constraint: typeof source?.constraint === 'string' ? source.constraint : null,
      };
    }
    e = e.cause as Record<string, unknown> | undefined;
  }
  return null;
}

/** What a database failure means for the caller: a conflict to retry, bad data, or our fault. */
function codeForDatabaseFailure({ sqlState }: DatabaseFailure): ErrorCode {
  if (!sqlState) return 'server.error';
  if (sqlState === '23505' || sqlState === '23P01' || sqlState === '40001' || sqlState === '40P01')
    return 'resource.conflict';
  if (sqlState.startsWith('22') || sqlState === '23503' || sqlState === '23514') return 'request.invalid';
  if (sqlState === '57014' || sqlState.startsWith('08') || sqlState === '57P01') return 'server.unavailable';
  return 'server.error';
}

/** Refusals are security events: written outside the refused work's transaction, which was rolled back. */
async function auditRefusal(db: Db, request: FastifyRequest, error: DomainError) {
  const route = `${request.method} ${request.routeOptions.url ?? ''}`;
  const access = request.routeOptions.config.access;
  const touchesParticipants = !!access && 'data' in access && access.data === 'participant';
  const event =
    error.code === 'auth.forbidden'
      ? { action: 'access_denied' as const, entityType: 'request' as const, entityId: route }
      : error.code === 'auth.throttled'
        ? {
            action: 'throttled' as const,
            entityType: 'request' as const,
            entityId: route,
            detail: { what: (error.details as { what?: string } | undefined)?.what ?? null },
          }
        : error.code === 'resource.not_found' && touchesParticipants
          ? {
              // A file outside the caller's scope answers 404; repeated tries are what an investigation looks for.
              action: 'access_denied' as const,
              entityType: 'participant' as const,
              entityId: (request.params as { id?: string } | undefined)?.id ?? null,
              detail: { route },
            }
          : null;
  if (!event || !request.ctx) return;
  await audit(request.ctx, db, event).catch(() =>
    request.log.warn('could not write the audit line of a refusal'),
  );
}

/** One error shape for everything: `{ error: { code, message, details? } }`. Never a stack trace. */
export function registerErrorHandling(app: FastifyInstance, servesWebApp: boolean, db: Db) {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      const status = errors[error.code].status;
      if (error.code === 'auth.throttled')
        reply.header(
          'retry-after',
          (error.details as { retryAfterSeconds?: number }).retryAfterSeconds ?? 60,
        );
      await auditRefusal(db, request, error);
      return reply
        .status(status)
        .send(body(error.code, error.details, error.message === error.code ? undefined : error.message));
    }
    const failure = databaseFailure(error);
    if (failure) {
      const code = codeForDatabaseFailure(failure);
      // Never the message: it holds the statement and its parameters.
      request.log[code === 'server.error' ? 'error' : 'warn'](
        { db: failure, route: request.routeOptions.url },
        'database error',
      );
      return reply.status(errors[code].status).send(body(code));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues: FieldIssue[] = error.validation.map((v) => ({
        field: [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'not valid',
      }));
      const first = issues[0];
      const bsn = issues.filter((i) => i.message === 'privacy.bsn_refused');
      if (bsn.length) return reply.status(400).send(body('privacy.bsn_refused', bsn));
      return reply
        .status(400)
        .send(
          body(
            'request.invalid',
            issues,
            first ? `${first.field}: ${first.message}` : errors['request.invalid'].message,
          ),
        );
    }
    if (isResponseSerializationError(error)) {
      request.log.error(
        { err: { message: error.message, route: request.routeOptions.url } },
        'response did not match contract',
      );
      return reply.status(500).send(body('server.error'));
    }
    const mapped = error.code ? fastifyCodes[error.code] : undefined;
    if (mapped) return reply.status(errors[mapped].status).send(body(mapped));
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return reply.status(error.statusCode).send(body('request.invalid', undefined, error.message));
    request.log.error(
      { err: { type: error.name, message: error.message, code: error.code, stack: error.stack } },
      'unhandled error',
    );
    return reply.status(500).send(body('server.error'));
  });

  // The web app routes on the client: a page address that is not a file gets index.html.
  app.setNotFoundHandler((request, reply) => {
    if (servesWebApp && request.method === 'GET' && !request.url.startsWith('/api'))
      // index.html names the hashed files of this version: always ask whether it changed.
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
    return reply.status(404).send(body('route.not_found'));
  });
}
