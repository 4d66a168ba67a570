import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser, currentCode, toRoleRows, roleAssignment, hashPassword } from '../domain/access/index.ts';
import { outboxMessage } from '../domain/notifications/notifications.table.ts';
import { region } from '../domain/organisation/index.ts';
import { sessionTimeouts, throttles } from '../shared/limits.ts';
import { createTestApp, demoEmail, origin } from './testing/test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const me = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers });
const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    headers: { origin, ...headers },
    payload: { email, password },
  });

/** Adds a real (non-demo) account, which must use a second factor for lead roles. */
async function addUser(
  email: string,
  role: 'regional_lead' | 'coach',
  password = 'a long enough passphrase',
) {
  const [midden] = await t.db.select().from(region).where(eq(region.code, 'Midden'));
  const [user] = await t.db
    .insert(appUser)
    .values({ email, displayName: 'Test Person', passwordHash: await hashPassword(password) })
    .returning();
  await t.db.insert(roleAssignment).values(toRoleRows(user!.id, [{ role, regionId: midden!.id }]));
  return user!;
}

async function lastMailTo(email: string) {
  const all = await t.db
    .select()
    .from(outboxMessage)
    .where(eq(outboxMessage.recipient, email))
    .orderBy(outboxMessage.id);
  return all.at(-1);
}
const tokenIn = (body: string) => /token=([A-Za-z0-9_-]+)/.exec(body)![1]!;

describe('login', () => {
  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    const unknown = await login('nobody@example.org', 'whatever-password');
    const wrong = await login(demoEmail('evaluator'), 'wrong-password-here');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('sets an HttpOnly, SameSite=Lax session cookie and a new one at every login', async () => {
    const first = await login(demoEmail('coach'), 'opstap-demo');
    const cookie = first.cookies.find((c) => c.name === 'opstap_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const second = await login(demoEmail('coach'), 'opstap-demo', {
      cookie: `opstap_session=${cookie.value}`,
    });
    const rotated = second.cookies.find((c) => c.name === 'opstap_session')!;
    expect(rotated.value).not.toBe(cookie.value);
    // The cookie sent at login is ended, so a planted cookie is worthless.
    expect((await me({ cookie: `opstap_session=${cookie.value}` })).statusCode).toBe(401);
    expect((await me({ cookie: `opstap_session=${rotated.value}` })).statusCode).toBe(200);
  });

  it('pauses an account after repeated failures and says when to try again', async () => {
    const email = demoEmail('trainer');
    for (let i = 0; i < throttles.loginPair.max; i++)
      expect((await login(email, `wrong-${i}-password`)).statusCode).toBe(401);
    const blocked = await login(email, 'opstap-demo');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.details.retryAfterMinutes).toBe(15);
    expect(blocked.headers['retry-after']).toBe('900');
    t.clock.advance(throttles.loginPair.windowSeconds * 1000 + 1000);
    expect((await login(email, 'opstap-demo')).statusCode).toBe(200);
  });

  it('also pauses an unknown e-mail, so throttling reveals nothing', async () => {
    for (let i = 0; i < throttles.loginPair.max; i++) await login('ghost@example.org', `wrong-${i}-password`);
    expect((await login('ghost@example.org', 'anything-at-all')).statusCode).toBe(429);
  });
});

describe('sessions', () => {
  it('ends at logout, server-side', async () => {
    const headers = await t.loginAs(demoEmail('evaluator'));
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers })).statusCode).toBe(200);
    const after = await me(headers);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('auth.session_expired');
  });

  it('ends after 15 idle minutes for roles that read sensitive notes, 30 for others', async () => {
    const coach = await t.loginAs(demoEmail('coach2'));
    const employer = await t.loginAs(demoEmail('employer'));
    t.clock.advance(sessionTimeouts.idleSensitive * 1000 + 1000);
    expect((await me(coach)).statusCode).toBe(401);
    expect((await me(employer)).statusCode).toBe(200);
    t.clock.advance(sessionTimeouts.idleOther * 1000 + 1000);
    expect((await me(employer)).statusCode).toBe(401);
  });

  it('ends after 12 hours even when in use', async () => {
    const employer = await t.loginAs(demoEmail('employer'));
    // Active every 20 minutes, well inside the idle limit, for 11 hours 40 minutes.
    for (let step = 0; step < 35; step++) {
      t.clock.advance(20 * 60 * 1000);
      expect((await me(employer)).statusCode).toBe(200);
    }
    t.clock.advance(20 * 60 * 1000);
    expect((await me(employer)).statusCode).toBe(401);
  });

  it('ends when the user is disabled', async () => {
    const victim = await t.loginAs(demoEmail('evaluator'));
    const admin = await t.loginAs(demoEmail('admin'));
    const { id } = (await me(victim)).json();
    const disabled = await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: admin,
      payload: { disabled: true },
    });
    expect(disabled.json().status).toBe('disabled');
    expect((await me(victim)).statusCode).toBe(401);
    expect((await login(demoEmail('evaluator'), 'opstap-demo')).statusCode).toBe(401);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${id}`,
      headers: admin,
      payload: { disabled: false },
    });
  });

  it('lets users see and end their own sessions, not anyone else’s', async () => {
    const laptop = await t.loginAs(demoEmail('municipality'));
    const phone = await t.loginAs(demoEmail('municipality'));
    const list = (await t.app.inject({ method: 'GET', url: '/api/auth/sessions', headers: laptop })).json()
      .items;
    expect(list.length).toBeGreaterThanOrEqual(2);
    const other = list.find((s: { isCurrent: boolean }) => !s.isCurrent);
    const stranger = await t.loginAs(demoEmail('employer'));
    const refused = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${other.id}`,
      headers: stranger,
    });
    expect(refused.statusCode).toBe(404);
    const ended = await t.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${other.id}`,
      headers: laptop,
    });
    expect(ended.statusCode).toBe(200);
    expect((await me(phone)).statusCode).toBe(401);
    expect((await me(laptop)).statusCode).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses a cookie-authenticated write from another origin or without an origin', async () => {
    const { cookie } = await t.loginAs(demoEmail('coach'));
    const payload = { language: 'en' };
    const foreign = await t.app.inject({
      method: 'PUT',
      url: '/api/auth/me/language',
      headers: { cookie, origin: 'https://evil.example' },
      payload,
    });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('auth.csrf');
    const missing = await t.app.inject({
      method: 'PUT',
      url: '/api/auth/me/language',
      headers: { cookie },
      payload,
    });
    expect(missing.statusCode).toBe(403);
    const referer = await t.app.inject({
      method: 'PUT',
      url: '/api/auth/me/language',
      headers: { cookie, referer: `${origin}/account` },
      payload,
    });
    expect(referer.statusCode).toBe(200);
  });
});

describe('second factor', () => {
  it('is required for a real regional lead: set up, then asked at every login', async () => {
    await addUser('lead@example.org', 'regional_lead');
    const first = await login('lead@example.org', 'a long enough passphrase');
    expect(first.json().next).toBe('totp_setup');
    const headers = { cookie: `opstap_session=${first.cookies[0]!.value}`, origin };
    const blocked = await t.app.inject({ method: 'GET', url: '/api/partnerships', headers });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('auth.second_factor_required');

    const setup = (await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers })).json();
    expect(setup.qrSvg).toContain('<svg');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers,
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    const code = currentCode(setup.secret, t.clock.now());
    const confirmed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/confirm',
      headers,
      payload: { code },
    });
    expect(confirmed.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/partnerships', headers })).statusCode).toBe(200);

    const again = await login('lead@example.org', 'a long enough passphrase');
    expect(again.json().next).toBe('totp');
    const h2 = { cookie: `opstap_session=${again.cookies[0]!.value}`, origin };
    expect((await t.app.inject({ method: 'GET', url: '/api/partnerships', headers: h2 })).statusCode).toBe(
      403,
    );
    t.clock.advance(60_000);
    const verified = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp/verify',
      headers: h2,
      payload: { code: currentCode(setup.secret, t.clock.now()) },
    });
    expect(verified.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/partnerships', headers: h2 })).statusCode).toBe(
      200,
    );
  });

  it('is asked of every staff role, also a coach, but not of demo accounts in demo mode', async () => {
    await addUser('coach-real@example.org', 'coach');
    expect((await login('coach-real@example.org', 'a long enough passphrase')).json().next).toBe(
      'totp_setup',
    );
    expect((await login(demoEmail('regional'), 'opstap-demo')).json().next).toBe('done');
  });
});

describe('invitations and password reset', () => {
  it('an administrator invites a coach, who chooses a password through the e-mailed link', async () => {
    const admin = await t.loginAs(demoEmail('admin'));
    const regions = (await t.app.inject({ method: 'GET', url: '/api/regions', headers: admin })).json().items;
    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: {
        email: 'New.Coach@Example.org',
        displayName: 'Amina Yusuf',
        preferredLanguage: 'ar',
        roles: [{ role: 'coach', regionId: regions[0].id }],
      },
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ email: 'new.coach@example.org', status: 'invited' });
    const mail = await lastMailTo('new.coach@example.org');
    expect(mail!.subject).toBe('حسابك في Opstap');
    const token = tokenIn(mail!.body);

    const shown = await t.app.inject({ method: 'GET', url: `/api/auth/invitation?token=${token}` });
    expect(shown.json()).toEqual({ email: 'new.coach@example.org', displayName: 'Amina Yusuf' });
    const tooShort = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      headers: { origin },
      payload: { token, password: 'short' },
    });
    expect(tooShort.json().error.code).toBe('password.too_short');
    const common = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      headers: { origin },
      payload: { token, password: '1qaz2wsx3edc' },
    });
    expect(common.json().error.code).toBe('password.too_common');
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      headers: { origin },
      payload: { token, password: 'tea with mint at nine' },
    });
    expect(accepted.statusCode).toBe(200);
    expect((await me({ cookie: `opstap_session=${accepted.cookies[0]!.value}` })).json().displayName).toBe(
      'Amina Yusuf',
    );

    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      headers: { origin },
      payload: { token, password: 'another long passphrase' },
    });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error.code).toBe('auth.link_used');
  });

  it('refuses an expired invitation and lets the administrator send a new one', async () => {
    const admin = await t.loginAs(demoEmail('admin'));
    const invited = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: { email: 'late@example.org', displayName: 'Late Person', roles: [{ role: 'evaluator' }] },
    });
    const token = tokenIn((await lastMailTo('late@example.org'))!.body);
    t.clock.advance(8 * 24 * 3_600_000);
    const expired = await t.app.inject({ method: 'GET', url: `/api/auth/invitation?token=${token}` });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('auth.link_expired');
    const admin2 = await t.loginAs(demoEmail('admin'));
    const resent = await t.app.inject({
      method: 'POST',
      url: `/api/users/${invited.json().id}/invitation`,
      headers: admin2,
    });
    expect(resent.statusCode).toBe(200);
    const fresh = tokenIn((await lastMailTo('late@example.org'))!.body);
    expect(fresh).not.toBe(token);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/auth/invitation?token=${fresh}` })).statusCode,
    ).toBe(200);
  });

  it('answers a reset request the same for unknown addresses and mails a working link to known ones', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      headers: { origin },
      payload: { email: 'nobody@example.org' },
    });
    const known = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      headers: { origin },
      payload: { email: 'coach-real@example.org' },
    });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toBe(known.body);
    await t.app.jobs.drain(); // the mail is sent by a job
    expect(await lastMailTo('nobody@example.org')).toBeUndefined();

    const session = await t.loginAs('coach-real@example.org', 'a long enough passphrase');
    const token = tokenIn((await lastMailTo('coach-real@example.org'))!.body);
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      headers: { origin },
      payload: { token, password: 'a brand new passphrase' },
    });
    expect(done.statusCode).toBe(200);
    expect((await me(session)).statusCode).toBe(401); // old sessions end with the old password
    expect((await login('coach-real@example.org', 'a long enough passphrase')).statusCode).toBe(401);
    expect((await login('coach-real@example.org', 'a brand new passphrase')).statusCode).toBe(200);
  });

  it('refuses a reset link after an hour', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset',
      headers: { origin },
      payload: { email: 'coach-real@example.org' },
    });
    await t.app.jobs.drain(); // the mail is sent by a job
    const token = tokenIn((await lastMailTo('coach-real@example.org'))!.body);
    t.clock.advance(61 * 60 * 1000);
    const late = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password-reset/complete',
      headers: { origin },
      payload: { token, password: 'yet another passphrase' },
    });
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe('auth.link_expired');
  });
});
