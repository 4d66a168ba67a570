import { existsSync, readdirSync, readFileSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import compress from '@fastify/compress';
import zlib from 'node:zlib';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { limits } from '../shared/limits.ts';
import secureJson from 'secure-json-parse';
import {
  DomainError,
  type Contributions,
  type Ctx,
  type JobDefinition,
  type MessageSender,
} from '../domain/context.ts';
import { outboxSender } from '../domain/notifications/index.ts';
import type { Database } from './db/client.ts';
import { accessPlugin, sessionCookieName, type Access } from './plugins/access.ts';
import { createJobs, type Jobs } from './jobs.ts';
import { moduleContributions, moduleJobs, modules } from './modules.ts';
import { ephemeralSecretBox, type SecretBox } from '../domain/access/index.ts';
import { registerErrorHandling } from './plugins/errors.ts';
import { systemRoutes } from './routes/system.routes.ts';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

export type AppOptions = {
  database: Database;
  publicUrl: string;
  clock?: () => Date;
  sender?: MessageSender;
  /** Folder with the built web app; served when it exists. */
  webRoot?: string;
  /** A log level, or false for no logs (tests). The privacy settings of the log always apply. */
  logLevel?: string | false;
  /** Where log lines go (default stdout); tests read them. */
  logStream?: { write(line: string): void };
  /** Proxies whose X-Forwarded-* headers count: false, or their addresses and ranges. */
  trustProxy?: false | string[];
  /** Demo mode lets demo accounts in and shows the outbox; production never (see config.ts). Default true. */
  demoMode?: boolean;
  /** Encrypts second-factor secrets; default a random key for this process (tests). */
  secretBox?: SecretBox;
  /** Jobs of the sender (mail delivery), besides the modules' own. */
  senderJobs?: JobDefinition[];
  /** Work on jobs in this process (main: yes; tests run them with `app.jobs.drain()`). */
  worker?: boolean;
  /** false when the database role may not create tables (the owner installed the job queue). */
  installJobs?: boolean;
  /** What modules add to shared views; default the modules' own (modules.ts). Tests add their own. */
  contributions?: Contributions;
};

declare module 'fastify' {
  interface FastifyInstance {
    jobs: Jobs;
  }
}

/** Logs say which route was called, never with query strings (they can hold one-time tokens) or bodies. */
const loggerDefaults = {
  level: 'info',
  redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
  serializers: {
    req: (req: { method: string; url: string; id: string }) => ({
      id: req.id,
      method: req.method,
      path: req.url.split('?')[0],
    }),
  },
};

/** JSON bodies without `__proto__` or `constructor.prototype` keys; the error names the key that was refused. */
function parseJsonBody(
  _request: unknown,
  body: string | Buffer,
  done: (err: Error | null, value?: unknown) => void,
) {
  const text = body.toString();
  if (text.trim() === '') return done(null, undefined);
  try {
    done(null, secureJson.parse(text, { protoAction: 'error', constructorAction: 'error' }));
  } catch (error) {
    const poisoned = error instanceof SyntaxError && /prototype/.test(error.message);
    if (!poisoned) return done(new DomainError('request.malformed_json'));
    const field = /constructor/.test(text) && !/__proto__/.test(text) ? 'constructor' : '__proto__';
    done(
      new DomainError(
        'request.invalid',
        [{ field, message: 'this key is not allowed' }],
        `${field}: this key is not allowed`,
      ),
    );
  }
}

/** The web app's files as URL paths (`/assets/x.js`), or none when it is not built. */
function filesOf(root: string): Set<string> {
  if (!existsSync(root)) return new Set();
  return new Set(
    (readdirSync(root, { recursive: true, withFileTypes: true }) as Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => `/${relative(root, join(entry.parentPath, entry.name)).split(sep).join('/')}`),
  );
}

/** Builds the whole app without listening, so tests call it with `inject` and a real database. */
export async function buildApp(options: AppOptions) {
  const webRoot = options.webRoot ?? defaultWebRoot;
  const app = Fastify({
    logger:
      options.logLevel === false
        ? false
        : {
            ...loggerDefaults,
            level: options.logLevel ?? 'info',
            ...(options.logStream ? { stream: options.logStream } : {}),
          },
    bodyLimit: limits.bodyBytes,
    trustProxy: options.trustProxy ?? false,
    genReqId: () => crypto.randomUUID(),
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // The request id ties an answer to its log lines and audit events when someone reports a problem.
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // API answers hold personal data: no browser or proxy may keep a copy.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  app.setSerializerCompiler(serializerCompiler);
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseJsonBody);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine writes its theme variables in a style tag.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie);
  // API answers of more than a kilobyte are compressed; brotli at a low level costs little CPU per answer.
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
  const demoMode = options.demoMode ?? true;
  const clock = options.clock ?? (() => new Date());
  const sender = options.sender ?? outboxSender;
  const secretBox = options.secretBox ?? ephemeralSecretBox();
  const contributions = options.contributions ?? moduleContributions;
  const jobs = await createJobs(options.database, {
    definitions: [...moduleJobs, ...(options.senderJobs ?? [])],
    install: options.installJobs ?? true,
    worker: options.worker ?? false,
    ctxFor: (queue): Ctx => ({
      db: options.database.db,
      actor: null,
      clock,
      log: app.log,
      requestId: null,
      sender,
      publicUrl: options.publicUrl,
      ip: null,
      demoMode,
      secretBox,
      jobs: queue,
      contributions,
    }),
  });
  app.decorate('jobs', jobs);
  app.addHook('onClose', () => jobs.stop());
  await app.register(accessPlugin, {
    db: options.database.db,
    sender,
    publicUrl: options.publicUrl,
    clock,
    demoMode,
    secretBox,
    jobs: jobs.queue,
    contributions,
    webFiles: filesOf(webRoot),
  });
  registerErrorHandling(app, existsSync(`${webRoot}/index.html`), options.database.db);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Opstap API',
        version: packageJson.version,
        description:
          'Every operation lists who may call it under `x-access`. Errors share one shape: `{ "error": { "code", "message", "details"? } }`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(options.publicUrl) },
        },
      },
    },
    transform: (input) => {
      const out = jsonSchemaTransform(input);
      const access = (input.route.config as { access?: Access } | undefined)?.access;
      return { ...out, schema: { ...out.schema, 'x-access': access } as typeof out.schema };
    },
  });
  // The docs page loads only its own files, so our stricter CSP (frame-ancestors 'none') applies to it too.
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.get(
    '/api/openapi.json',
    { config: { access: { public: 'the API contract' } }, schema: { hide: true } },
    () => app.swagger(),
  );
  // The outbox page shows live invitation and reset links: only in demo mode, where nothing is really sent.
  await app.register(
    systemRoutes(options.database, packageJson.version, {
      demoMode,
      withOutbox: demoMode && (options.sender ?? outboxSender) === outboxSender,
    }),
  );
  for (const module of modules) await app.register(module.routes);

  if (existsSync(`${webRoot}/index.html`))
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // Vite's brotli and gzip copies (vite.config.ts), sent to whoever accepts them.
      preCompressed: true,
      cacheControl: false,
      // Files in assets/ carry a hash of their content in the name: a new version is a new name.
      setHeaders: (res, path) =>
        res.setHeader(
          'cache-control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        ),
    });
  return app;
}
