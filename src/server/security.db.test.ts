import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appUser,
  auditEvent,
  currentCode,
  hashPassword,
  roleAssignment,
  toRoleRows,
} from '../domain/access/index.ts';
import { outboxMessage } from '../domain/notifications/notifications.table.ts';
import { region } from '../domain/organisation/index.ts';
import { throttles } from '../shared/limits.ts';
import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createSender, deliverMail, withoutSecrets } from './senders.ts';
import { createTestApp, demoEmail, origin } from './testing/test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

type Headers = Record<string, string>;
const inject = (
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  headers: Headers = {},
  payload?: object,
) => t.app.inject({ method, url, headers: { origin, ...headers }, ...(payload ? { payload } : {}) });
const login = (email: string, password: string, remoteAddress = '10.0.0.1') =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin },
    payload: { email, password },
    remoteAddress,
  });
const cookieOf = (response: { cookies: { name: string; value: string }[] }) => ({
  cookie: `opstap_session=${response.cookies.find((c) => c.name === 'opstap_session')!.value}`,
  origin,
});
const password = 'tea with mint at nine';

/** A real (non-demo) account in Regio Midden. */
async function addUser(
  email: string,
  role: 'regional_lead' | 'coach' | 'administrator' | 'employer_contact',
) {
  const [midden] = await t.db.select().from(region).where(eq(region.code, 'Midden'));
  const [user] = await t.db
    .insert(appUser)
    .values({ email, displayName: 'Test Person', passwordHash: await hashPassword(password) })
    .returning();
  const scope = role === 'employer_contact' ? {} : { regionId: midden!.id };
  if (role !== 'employer_contact')
    await t.db.insert(roleAssignment).values(toRoleRows(user!.id, [{ role, ...scope }]));
  return user!;
}

/** Logs in a real account and sets up its second factor; returns the session and the secret. */
async function enrolled(email: string) {
  const first = await login(email, password);
  expect(first.json().next).toBe('totp_setup');
  const headers = cookieOf(first);
  const setup = (await inject('POST', '/api/auth/totp/setup', headers)).json() as { secret: string };
  const confirmed = await inject('POST', '/api/auth/totp/confirm', headers, {
    code: currentCode(setup.secret, t.clock.now()),
  });
  expect(confirmed.statusCode).toBe(200);
  return { headers, secret: setup.secret, recoveryCodes: confirmed.json().recoveryCodes as string[] };
}

async function lastAudit(action: string) {
  const [row] = await t.db
    .select()
    .from(auditEvent)
    .where(eq(auditEvent.action, action as never))
    .orderBy(desc(auditEvent.id))
    .limit(1);
  return row;
}

describe('the second factor cannot be skipped', () => {
  it('a session that still owes its code cannot set up a new factor, and a full one must re-enter the password', async () => {
    await addUser('lead-skip@example.org', 'regional_lead');
    const { secret } = await enrolled('lead-skip@example.org');
    t.clock.advance(60_000);

    // The attack: password only, then "set up a new app" to get a full session.
    const passwordOnly = cookieOf(await login('lead-skip@example.org', password));
    const setup = await inject('POST', '/api/auth/totp/setup', passwordOnly);
    expect(setup.statusCode).toBe(403);
    expect(setup.json().error.code).toBe('auth.second_factor_required');
    const confirm = await inject('POST', '/api/auth/totp/confirm', passwordOnly, { code: '123456' });
    expect(confirm.statusCode).toBe(403);
    const [user] = await t.db.select().from(appUser).where(eq(appUser.email, 'lead-skip@example.org'));
    expect(user!.totpEnabledAt).not.toBeNull();

    // With the code the session is full; a new factor then needs the password again after a few minutes.
    const verified = await inject('POST', '/api/auth/totp/verify', passwordOnly, {
      code: currentCode(secret, t.clock.now()),
    });
    expect(verified.statusCode).toBe(200);
    t.clock.advance(6 * 60_000);
    const stale = await inject('POST', '/api/auth/totp/setup', passwordOnly);
    expect(stale.json().error.code).toBe('auth.reauthentication_required');
    t.clock.advance(60_000);
    const reauth = await inject('POST', '/api/auth/reauthenticate', passwordOnly, {
      password,
      code: currentCode(secret, t.clock.now()),
    });
    expect(reauth.statusCode).toBe(200);
    const fresh = await inject('POST', '/api/auth/totp/setup', passwordOnly);
    expect(fresh.statusCode).toBe(200);

    // The new secret stays pending: the enrolled one still works until a code from the new one is confirmed.
    t.clock.advance(60_000);
    const again = cookieOf(await login('lead-skip@example.org', password));
    expect(
      (await inject('POST', '/api/auth/totp/verify', again, { code: currentCode(secret, t.clock.now()) }))
        .statusCode,
    ).toBe(200);
  });

  it('a code works once, also in another session', async () => {
    await addUser('lead-replay@example.org', 'regional_lead');
    const { secret } = await enrolled('lead-replay@example.org');
    t.clock.advance(60_000);
    const a = cookieOf(await login('lead-replay@example.org', password));
    const b = cookieOf(await login('lead-replay@example.org', password));
    const code = currentCode(secret, t.clock.now());
    expect((await inject('POST', '/api/auth/totp/verify', a, { code })).statusCode).toBe(200);
    const replay = await inject('POST', '/api/auth/totp/verify', b, { code });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().error.code).toBe('auth.totp_invalid');
    expect((await lastAudit('second_factor_failed'))?.entityId).toBeTruthy();
  });

  it('recovery codes: ten at setup, each works once', async () => {
    await addUser('lead-lost@example.org', 'regional_lead');
    const { recoveryCodes } = await enrolled('lead-lost@example.org');
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const stored = await t.db.execute(sql`select code_hash from recovery_code`);
    const hashes = JSON.stringify((stored as unknown as { rows: unknown[] }).rows);
    for (const code of recoveryCodes) expect(hashes).not.toContain(code);

    const s1 = cookieOf(await login('lead-lost@example.org', password));
    expect((await inject('POST', '/api/auth/totp/verify', s1, { code: recoveryCodes[0] })).statusCode).toBe(
      200,
    );
    expect((await lastAudit('recovery_code_used'))?.entityId).toBeTruthy();
    const s2 = cookieOf(await login('lead-lost@example.org', password));
    expect((await inject('POST', '/api/auth/totp/verify', s2, { code: recoveryCodes[0] })).statusCode).toBe(
      400,
    );
  });

  it('an administrator resets a lost factor: sessions end, the user is e-mailed and sets up a new one', async () => {
    const user = await addUser('coach-lost@example.org', 'coach');
    const { headers } = await enrolled('coach-lost@example.org');
    const admin = await t.loginAs(demoEmail('admin'));
    const reset = await inject('POST', `/api/users/${user.id}/second-factor/reset`, admin);
    expect(reset.statusCode).toBe(200);
    expect((await inject('GET', '/api/auth/me', headers)).statusCode).toBe(401);
    expect((await login('coach-lost@example.org', password)).json().next).toBe('totp_setup');
    const [mail] = await t.db
      .select()
      .from(outboxMessage)
      .where(eq(outboxMessage.recipient, 'coach-lost@example.org'))
      .orderBy(desc(outboxMessage.id))
      .limit(1);
    expect(mail!.subject).toMatch(/gewist|removed/);
    expect((await lastAudit('second_factor_reset'))?.entityId).toBe(user.id);
  });

  it('ending sessions and changing roles need the password again', async () => {
    await addUser('admin-real@example.org', 'administrator');
    const { headers, secret } = await enrolled('admin-real@example.org');
    const coach = await addUser('coach-roles@example.org', 'coach');
    t.clock.advance(6 * 60_000);
    const [midden] = await t.db.select().from(region).where(eq(region.code, 'Midden'));
    const roles = { roles: [{ role: 'trainer', regionId: midden!.id }] };
    const refused = await inject('PATCH', `/api/users/${coach.id}`, headers, roles);
    expect(refused.json().error.code).toBe('auth.reauthentication_required');
    expect((await inject('POST', '/api/auth/sessions/end-others', headers)).statusCode).toBe(403);
    t.clock.advance(30_000);
    await inject('POST', '/api/auth/reauthenticate', headers, {
      password,
      code: currentCode(secret, t.clock.now()),
    });
    expect((await inject('PATCH', `/api/users/${coach.id}`, headers, roles)).statusCode).toBe(200);
    expect((await lastAudit('role_changed'))?.detail).toEqual({ from: ['coach'], to: ['trainer'] });

    // Nobody changes their own roles.
    const [me] = await t.db.select().from(appUser).where(eq(appUser.email, 'admin-real@example.org'));
    const own = await inject('PATCH', `/api/users/${me!.id}`, headers, {
      roles: [{ role: 'national_lead' }],
    });
    expect(own.statusCode).toBe(403);
    expect((await lastAudit('access_denied'))?.actorId).toBe(me!.id);
  });

  it('an employer contact may choose a second factor; then it is asked at login', async () => {
    await addUser('employer-2fa@example.org', 'employer_contact');
    const first = await login('employer-2fa@example.org', password);
    expect(first.json().next).toBe('done');
    const headers = cookieOf(first);
    const setup = (await inject('POST', '/api/auth/totp/setup', headers)).json() as { secret: string };
    await inject('POST', '/api/auth/totp/confirm', headers, {
      code: currentCode(setup.secret, t.clock.now()),
    });
    expect((await login('employer-2fa@example.org', password)).json().next).toBe('totp');
  });
});

describe('roles that read participant files', () => {
  it('given by an administrator, count only once a lead of that region (or a national lead) confirms', async () => {
    const admin = await t.loginAs(demoEmail('admin'));
    const [midden] = await t.db.select().from(region).where(eq(region.code, 'Midden'));
    const [noord] = await t.db.select().from(region).where(eq(region.code, 'Noord'));
    const invited = await inject('POST', '/api/users', admin, {
      email: 'coach-pending@example.org',
      displayName: 'Coach Pending',
      roles: [{ role: 'coach', regionId: midden!.id }],
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json().roles[0].confirmed).toBe(false);
    const user = invited.json() as { id: string };
    await t.db
      .update(appUser)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(appUser.id, user.id));

    // /api/auth/me answers before the second factor too: enough to see which roles count.
    const before = cookieOf(await login('coach-pending@example.org', password));
    const me = (await inject('GET', '/api/auth/me', before)).json() as { roles: unknown[] };
    expect(me.roles).toEqual([]);

    // A lead of another region does not see it; the lead of Midden does, and confirms.
    const [other] = await t.db
      .insert(appUser)
      .values({ email: 'lead-noord@example.org', displayName: 'Lead Noord', isDemo: true })
      .returning();
    await t.db
      .insert(roleAssignment)
      .values(toRoleRows(other!.id, [{ role: 'regional_lead', regionId: noord!.id }]));
    await t.db
      .update(appUser)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(appUser.id, other!.id));
    const noordLead = cookieOf(await login('lead-noord@example.org', password));
    expect((await inject('GET', '/api/role-assignments/pending', noordLead)).json().items).toEqual([]);
    const regional = await t.loginAs(demoEmail('regional'));
    const pending = (await inject('GET', '/api/role-assignments/pending', regional)).json().items as {
      id: string;
      userId: string;
    }[];
    const mine = pending.find((p) => p.userId === user.id);
    expect(mine).toBeDefined();
    expect((await inject('POST', `/api/role-assignments/${mine!.id}/confirm`, noordLead)).statusCode).toBe(
      404,
    );
    expect((await inject('POST', `/api/role-assignments/${mine!.id}/confirm`, regional)).statusCode).toBe(
      200,
    );
    const after = (await inject('GET', '/api/auth/me', before)).json() as { roles: { role: string }[] };
    expect(after.roles.map((r) => r.role)).toEqual(['coach']);
    expect((await lastAudit('role_changed'))?.detail).toEqual({ confirmed: 'coach' });
  });
});

describe('throttles', () => {
  it('25 parallel wrong passwords on one account get 5 password checks, the rest 429', async () => {
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => login(demoEmail('evaluator'), `wrong-password-${i}`, '10.1.1.1')),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(throttles.loginPair.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(25 - throttles.loginPair.max);
    // Only that address is paused for this account: the owner elsewhere still logs in.
    expect((await login(demoEmail('evaluator'), 'opstap-demo', '10.1.1.2')).statusCode).toBe(200);
  });

  it('many failures from one address never refuse a correct password from it', async () => {
    for (let i = 0; i < throttles.loginIp.max + 2; i++)
      expect((await login(`nobody-${i}@example.org`, 'wrong-password', '10.2.2.2')).statusCode).toBe(401);
    const correct = await login(demoEmail('trainer'), 'opstap-demo', '10.2.2.2');
    expect(correct.statusCode).toBe(200);
  });

  it('password reset mails are limited per address, silently', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/auth/password-reset',
          headers: { origin },
          payload: { email: demoEmail('coach2') },
          remoteAddress: '10.3.3.3',
        }),
      ),
    );
    await t.app.jobs.drain(); // the mail is sent by a job
    expect(new Set(answers.map((a) => `${a.statusCode} ${a.body}`))).toEqual(new Set(['200 {"ok":true}']));
    const mails = await t.db
      .select()
      .from(outboxMessage)
      .where(eq(outboxMessage.recipient, demoEmail('coach2')));
    expect(mails).toHaveLength(throttles.resetPerAccount.max);
  });

  it('a reset request takes as long for an unknown address as for a known one', async () => {
    // Make the work for a known address slow (each stored mail waits 300 ms): an answer that waited for that
    // work would give the account away. The answer must come before it.
    await t.db.execute(sql`create function slow_mail() returns trigger language plpgsql as
      $$ begin perform pg_sleep(0.3); return new; end $$`);
    await t.db.execute(sql`create trigger slow_mail before insert on outbox_message
      for each row execute function slow_mail()`);
    const time = async (email: string, i: number) => {
      const start = performance.now();
      const answer = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password-reset',
        payload: { email },
        remoteAddress: `10.4.4.${i}`,
      });
      expect(answer.statusCode).toBe(200);
      const took = performance.now() - start;
      await t.app.jobs.drain(); // the mail is sent by a job
      return took;
    };
    const known: number[] = [];
    const unknown: number[] = [];
    for (const [i, name] of ['national', 'regional', 'evaluator'].entries()) {
      known.push(await time(demoEmail(name), i));
      unknown.push(await time(`nobody-${i}@example.org`, i));
    }
    await t.app.jobs.drain(); // the mail is sent by a job
    await t.db.execute(sql`drop trigger slow_mail on outbox_message`);
    // The mails were sent, after the answers.
    const sent = await t.db
      .select()
      .from(outboxMessage)
      .where(eq(outboxMessage.recipient, demoEmail('evaluator')));
    expect(sent.length).toBeGreaterThan(0);
    expect(Math.max(...known)).toBeLessThan(250);
    expect(Math.max(...unknown)).toBeLessThan(250);
  });

  it('a signed-in account has a write budget', async () => {
    const coach = await t.loginAs(demoEmail('coach'));
    let last = 0;
    for (let i = 0; i <= throttles.writes.max; i++) {
      last = (await inject('PUT', '/api/auth/me/language', coach, { language: 'nl' })).statusCode;
      if (last === 429) break;
    }
    expect(last).toBe(429);
    t.clock.advance(throttles.writes.windowSeconds * 1000 + 1000);
    expect((await inject('PUT', '/api/auth/me/language', coach, { language: 'nl' })).statusCode).toBe(200);
  });
});

describe('answers and events', () => {
  it('API answers are never cached: every participant route, and the rest of the API', async () => {
    const national = await t.loginAs(demoEmail('national'));
    const anyId = '00000000-0000-4000-8000-000000000000';
    const participantReads = t.app.accessTable.filter(
      (r) => r.method.includes('GET') && 'data' in r.access && r.access.data === 'participant',
    );
    expect(participantReads.length).toBeGreaterThan(5);
    for (const route of [...participantReads.map((r) => r.url), '/api/auth/me', '/api/health']) {
      const url = route.replace(/:[A-Za-z]+/g, anyId);
      expect((await inject('GET', url, national)).headers['cache-control'], url).toBe('no-store');
    }
  });

  it('a refused read of a file outside the scope is audited', async () => {
    const coach2 = await t.loginAs(demoEmail('coach2'));
    const theirs = (await inject('GET', '/api/participants', coach2)).json().items[0] as { id: string };
    const coach = await t.loginAs(demoEmail('coach'));
    const refused = await inject('GET', `/api/participants/${theirs.id}`, coach);
    expect(refused.statusCode).toBe(404);
    const event = await lastAudit('access_denied');
    expect(event).toMatchObject({ entityType: 'participant', entityId: theirs.id });
  });

  it('failed logins are security events with the client address, never the password', async () => {
    await login(demoEmail('national'), 'a-wrong-password-123', '10.9.9.9');
    const event = await lastAudit('login_failed');
    expect(event).toMatchObject({ ip: '10.9.9.9', detail: { reason: 'wrong_password' } });
    expect(JSON.stringify(event)).not.toContain('a-wrong-password-123');
  });

  it('sets a strict content security policy', async () => {
    const csp = (await inject('GET', '/api/health')).headers['content-security-policy'] as string;
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("font-src 'self'");
    expect(csp).not.toMatch(/font-src[^;]*https:/);
  });
});

describe('production mode', () => {
  it('demo accounts cannot log in, there is no outbox, and over https the cookie is __Host- and Secure', async () => {
    const app = await buildApp({
      database: t.database,
      publicUrl: 'https://opstap.example.org',
      demoMode: false,
      clock: t.clock.now,
      logLevel: false,
      webRoot: '/nonexistent',
    });
    const at = (payload: object) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin: 'https://opstap.example.org' },
        payload,
        remoteAddress: '10.5.5.5',
      });
    const demo = await at({ email: demoEmail('national'), password: 'opstap-demo' });
    expect(demo.statusCode).toBe(401);
    await addUser('employer-https@example.org', 'employer_contact');
    const real = await at({ email: 'employer-https@example.org', password });
    const cookie = real.cookies.find((c) => c.name === '__Host-opstap_session');
    expect(cookie).toMatchObject({ secure: true, httpOnly: true, path: '/' });
    expect(cookie).not.toHaveProperty('domain');
    const headers = { cookie: `__Host-opstap_session=${cookie!.value}` };
    expect((await app.inject({ method: 'GET', url: '/api/auth/me', headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/outbox', headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json().mode).toBe('production');
    await app.close();
  });

  it('the settings refuse what would weaken it', () => {
    const base = {
      PUBLIC_URL: 'https://opstap.example.org',
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://mail.example.org',
    };
    const key = { TOTP_ENCRYPTION_KEY: 'a'.repeat(64) };
    expect(() => loadConfig({ ...base })).toThrow(/TOTP_ENCRYPTION_KEY/);
    expect(() => loadConfig({ PUBLIC_URL: 'https://opstap.example.org', ...key })).toThrow(
      /MAIL_TRANSPORT=smtp/,
    );
    expect(() => loadConfig({ ...base, ...key, TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...base, ...key, TRUST_PROXY: '2' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ ...base, ...key, TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }).TRUST_PROXY).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
    ]);
    expect(loadConfig({ ...base, ...key }).warnings.join(' ')).toMatch(/TRUST_PROXY is off/);
    expect(loadConfig({}).demoMode).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', ...base, ...key }).demoMode).toBe(false);
  });

  it('a client cannot choose its own address unless it is a trusted proxy', async () => {
    const app = await buildApp({
      database: t.database,
      publicUrl: origin,
      trustProxy: ['127.0.0.1'],
      clock: t.clock.now,
      logLevel: false,
      webRoot: '/nonexistent',
    });
    const via = (remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { origin, 'x-forwarded-for': '192.0.2.77' },
        payload: { email: demoEmail('evaluator'), password: 'wrong-password-xyz' },
        remoteAddress,
      });
    await via('10.6.6.6');
    expect((await lastAudit('login_failed'))?.ip).toBe('10.6.6.6');
    await via('127.0.0.1');
    expect((await lastAudit('login_failed'))?.ip).toBe('192.0.2.77');
    await app.close();
  });

  it('a mail is delivered by a job; the stored copy holds no live link, the job only a sealed one', async () => {
    const delivered: { to: string; text: string }[] = [];
    const mail = createSender(
      { MAIL_TRANSPORT: 'smtp', SMTP_URL: 'smtp://mail.example.org', MAIL_FROM: 'x@example.org' },
      async () => ({ sendMail: async (m: object) => delivered.push(m as { to: string; text: string }) }),
    );
    const app = await buildApp({
      database: t.database,
      publicUrl: origin,
      sender: mail.sender,
      senderJobs: mail.jobs,
      clock: t.clock.now,
      logLevel: false,
      webRoot: '/nonexistent',
    });
    const email = demoEmail('municipality');
    await app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      payload: { email },
      remoteAddress: '10.7.7.7',
    });
    await app.jobs.drain(['access.password-reset']);
    expect(delivered).toHaveLength(0); // the request and the lookup never wait for the mail server
    const queued = await t.database.executeSql(`select data from pgboss.job where name = '${deliverMail}'`);
    expect(JSON.stringify(queued.rows)).not.toMatch(/token=[A-Za-z0-9_-]{20}/);
    await app.jobs.drain();
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.text).toMatch(/token=[A-Za-z0-9_-]{20,}/);
    const [copy] = await t.db
      .select()
      .from(outboxMessage)
      .where(eq(outboxMessage.recipient, email))
      .orderBy(desc(outboxMessage.id))
      .limit(1);
    expect(copy!.body).not.toMatch(/token=[A-Za-z0-9_-]{20}/);
    expect(copy!.body).toBe(withoutSecrets(delivered[0]!.text));
    expect(copy!.sentAt).not.toBeNull();
    await app.close();
  });
});

describe('stored secrets', () => {
  it('second-factor secrets are encrypted at rest', async () => {
    await addUser('lead-crypt@example.org', 'regional_lead');
    const { secret } = await enrolled('lead-crypt@example.org');
    const [user] = await t.db
      .select()
      .from(appUser)
      .where(and(eq(appUser.email, 'lead-crypt@example.org')));
    expect(user!.totpSecret).toMatch(/^v1\./);
    expect(user!.totpSecret).not.toContain(secret);
  });
});
