import { z } from 'zod';
import { parseKey } from '../domain/access/index.ts';

/**
 * TRUST_PROXY: which proxies may tell the app the client's address and protocol (X-Forwarded-*). `true` would
 * trust every hop, so a client could set its own address; a hop count cannot check who sent the header
 * (Fastify refuses it). So: the proxies' addresses or ranges.
 */
const trustProxy = z
  .string()
  .default('false')
  .transform((value, issue) => {
    const v = value.trim();
    if (v === 'false' || v === '') return false;
    if (v === 'true' || /^\d+$/.test(v)) {
      issue.addIssue({
        code: 'custom',
        message:
          "give the proxy's address or range (e.g. 127.0.0.1 or 10.0.0.0/8, comma-separated): 'true' or a hop count would let any client choose its own address",
      });
      return z.NEVER;
    }
    const list = v.split(',').map((part) => part.trim());
    const address = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/;
    if (!list.every((part) => address.test(part))) {
      issue.addIssue({ code: 'custom', message: 'a list of addresses or ranges, like 127.0.0.1,10.0.0.0/8' });
      return z.NEVER;
    }
    return list;
  });

const key = z
  .string()
  .optional()
  .transform((value, issue) => {
    if (!value) return undefined;
    try {
      return parseKey(value);
    } catch (error) {
      issue.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

const schema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  /** An owner role for migrations; the app then runs as the (less privileged) role in DATABASE_URL. */
  DATABASE_OWNER_URL: z.string().url().optional(),
  PUBLIC_URL: z.string().url().optional(),
  MAIL_TRANSPORT: z.enum(['outbox', 'smtp']).default('outbox'),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().default('Opstap <no-reply@opstap.local>'),
  SMS_TRANSPORT: z.enum(['outbox']).default('outbox'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: trustProxy,
  TOTP_ENCRYPTION_KEY: key,
  TOTP_ENCRYPTION_KEY_PREVIOUS: key,
});

export type Config = z.infer<typeof schema> & {
  publicUrl: string;
  /**
   * Demo mode: the newcomer's `npm start` (demo data, demo logins, the outbox page). Production mode is
   * chosen by NODE_ENV=production or an https PUBLIC_URL; there demo data is never loaded and demo accounts
   * cannot log in.
   */
  demoMode: boolean;
  /** Warnings to print at start: settings that work but weaken security. */
  warnings: string[];
};

/** Reads settings from the environment; a wrong value stops the start with one line saying which. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Setting ${issue.path.join('.')} is not valid: ${issue.message}`);
  }
  const c = parsed.data;
  if (c.MAIL_TRANSPORT === 'smtp' && !c.SMTP_URL) throw new Error('MAIL_TRANSPORT=smtp needs SMTP_URL');
  if (c.DATABASE_OWNER_URL && !c.DATABASE_URL)
    throw new Error('DATABASE_OWNER_URL needs DATABASE_URL, the role the app runs as');
  const shownHost = c.HOST === '0.0.0.0' || c.HOST === '::' ? 'localhost' : c.HOST;
  const publicUrl = (c.PUBLIC_URL ?? `http://${shownHost}:${c.PORT}`).replace(/\/$/, '');
  const production = c.NODE_ENV === 'production' || publicUrl.startsWith('https:');
  if (production && c.MAIL_TRANSPORT !== 'smtp')
    throw new Error(
      'In production (NODE_ENV=production or an https PUBLIC_URL) mail must really be sent: set MAIL_TRANSPORT=smtp and SMTP_URL',
    );
  if (production && !c.TOTP_ENCRYPTION_KEY)
    throw new Error(
      'In production TOTP_ENCRYPTION_KEY is needed (32 random bytes, e.g. `openssl rand -hex 32`); see docs/security.md',
    );
  const warnings: string[] = [];
  if (publicUrl.startsWith('https:') && c.TRUST_PROXY === false)
    warnings.push(
      "PUBLIC_URL is https but TRUST_PROXY is off: client addresses in the audit log and throttling will be the proxy's. Set TRUST_PROXY to the proxy's address.",
    );
  if (c.DATABASE_URL && !c.DATABASE_OWNER_URL && production)
    warnings.push(
      'DATABASE_OWNER_URL is not set: the app runs as the owner of the tables and could change the audit log. See docs/security.md.',
    );
  return { ...c, publicUrl, demoMode: !production, warnings };
}
