import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Role } from '../../shared/roles.ts';
import {
  DomainError,
  type Actor,
  type Contributions,
  type Ctx,
  type JobQueue,
  type MessageSender,
} from '../../domain/context.ts';
import {
  audit,
  countAttempt,
  resolveSession,
  throttleKey,
  throttled,
  type ResolvedSession,
  type SecretBox,
} from '../../domain/access/index.ts';
import { throttles } from '../../shared/limits.ts';
import type { Db } from '../../domain/db.ts';

/** What participant or organisation data a route may touch; listed in the access snapshot and the API docs. */
export type DataTouched =
  'none' | 'own-account' | 'organisation' | 'users' | 'audit-log' | 'outbox' | 'jobs' | 'participant';

/**
 * Every route declares who may call it. There is no default: a route without `access` stops the app at start.
 * - `public`: anyone, with the reason written down.
 * - `roles`: signed-in users holding one of these roles ('any' = any signed-in user); `data` says what it touches.
 *   `beforeSecondFactor` lets a half-finished login (password given, code not yet) call it.
 */
export type Access =
  { public: string } | { roles: readonly Role[] | 'any'; data: DataTouched; beforeSecondFactor?: true };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    session: ResolvedSession | null;
    ctx: Ctx;
  }
  interface FastifyInstance {
    /** Every route with its declared access and input schemas, for the access tests and reviews. */
    accessTable: {
      method: string;
      url: string;
      access: Access;
      input: { body?: unknown; querystring?: unknown; params?: unknown };
    }[];
  }
}

/**
 * Over https the cookie is `__Host-` prefixed: Secure, no Domain, path `/`, so no other (sub)domain can set or
 * read it. Plain http (the local demo) cannot carry that prefix.
 */
export const sessionCookieName = (publicUrl: string) =>
  publicUrl.startsWith('https:') ? '__Host-opstap_session' : 'opstap_session';
const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Routes added by plugins are public by nature; we declare that here, in one place: the API docs, and the
 * files of the built web app, by name. Any other route without a declaration (a future `/reports/x.csv`)
 * stops the app at start.
 */
const declaredByPlugin = (url: string, webFiles: ReadonlySet<string>) =>
  url.startsWith('/api/docs') ? 'API documentation' : webFiles.has(url) ? 'a file of the web app' : null;

export type AccessOptions = {
  db: Db;
  sender: MessageSender;
  publicUrl: string;
  clock: () => Date;
  demoMode: boolean;
  secretBox: SecretBox;
  jobs: JobQueue;
  contributions: Contributions;
  /** The built web app's files (`/assets/index-….js`), served by @fastify/static. */
  webFiles: ReadonlySet<string>;
};

export const accessPlugin = fp<AccessOptions>(async (app: FastifyInstance, opts) => {
  app.decorateRequest('session', null);
  app.decorateRequest('ctx', null as unknown as Ctx);

  app.decorate('accessTable', []);
  app.addHook('onRoute', (route) => {
    if (!route.config?.access) {
      const declared = declaredByPlugin(route.url, opts.webFiles);
      if (!declared)
        throw new Error(`Route ${String(route.method)} ${route.url} does not declare its access`);
      route.config = { ...route.config, access: { public: declared } };
    }
    const { body, querystring, params } = (route.schema ?? {}) as Record<string, unknown>;
    app.accessTable.push({
      method: String(route.method),
      url: route.url,
      access: route.config.access!,
      input: { body, querystring, params },
    });
  });

  const cookieName = sessionCookieName(opts.publicUrl);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    const token = request.cookies[cookieName];
    const now = opts.clock();
    request.ctx = {
      db: opts.db,
      actor: null,
      clock: opts.clock,
      log: request.log,
      requestId: request.id,
      sender: opts.sender,
      publicUrl: opts.publicUrl,
      ip: request.ip,
      demoMode: opts.demoMode,
      secretBox: opts.secretBox,
      jobs: opts.jobs,
      contributions: opts.contributions,
    };
    // Public routes, the web app's files and its pages never read the session: no database work for them.
    const needsSession = !!access && !('public' in access);
    // A cookie is sent along by the browser even from another site; writes must come from our own pages.
    const crossSiteWrite =
      !!token && !safeMethods.has(request.method) && !isOwnOrigin(request, opts.publicUrl);
    if (!needsSession && !crossSiteWrite) return;

    // One query: the session, its user and its confirmed roles (sessions.ts).
    request.session = token ? await resolveSession(opts.db, token, now, opts.demoMode) : null;
    if (token && !request.session) reply.clearCookie(cookieName, { path: '/' });
    const actor: Actor | null = request.session?.actor ?? null;
    request.ctx.actor = actor;
    // Log lines of this request say who made it (an id, no name or address).
    if (actor) reply.log = request.log = request.ctx.log = request.log.child({ userId: actor.userId });

    if (crossSiteWrite) {
      await audit(request.ctx, opts.db, {
        action: 'csrf_refused',
        entityType: 'request',
        entityId: `${request.method} ${request.routeOptions.url ?? ''}`,
      });
      throw new DomainError('auth.csrf');
    }
    if (!access || 'public' in access) return;
    if (!request.session) throw new DomainError(token ? 'auth.session_expired' : 'auth.unauthenticated');
    if (request.session.stage !== 'full' && !access.beforeSecondFactor)
      throw new DomainError('auth.second_factor_required', { next: request.session.stage });
    if (access.roles !== 'any' && !request.session.actor.roles.some((r) => access.roles.includes(r.role)))
      throw new DomainError('auth.forbidden');
    if (!safeMethods.has(request.method)) {
      // A budget of writes per account: generous for real work, a stop for a script run amok.
      const attempt = await countAttempt(
        opts.db,
        throttleKey('writes', actor!.userId),
        throttles.writes,
        now,
      );
      if (!attempt.allowed) throttled(attempt, 'writes');
    }
  });
});

function isOwnOrigin(request: FastifyRequest, publicUrl: string) {
  const source = request.headers.origin ?? request.headers.referer;
  if (!source) return false;
  let origin: string;
  try {
    origin = new URL(source).origin;
  } catch {
    return false;
  }
  const own = new Set([new URL(publicUrl).origin, `${request.protocol}://${request.host}`]);
  return own.has(origin);
}
