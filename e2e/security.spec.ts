// Security in a real browser: the demo banner on every kind of page, setting up a second factor (through the one
// "enter your password again" dialog) up to the recovery codes, in Dutch and in Arabic at 360 px, and logging out
// other devices.
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar, nl } from '../src/web/i18n/all-texts.ts';
import {
  demoPassword,
  expectAccessible,
  expectNoHorizontalScroll,
  launchChromium,
  logIn,
  openPage,
  phone,
  screenshot,
} from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const texts = { nl, ar } as const;
const demo = (name: string) => `${name}@demo.opstap.nl`;

async function settle(page: Page) {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe('the demo banner', () => {
  it('shows on the login page and on a signed-in page', async () => {
    const page = await openPage(browser, phone);
    await page.goto('/login?lang=nl');
    const banner = page.getByRole('region', { name: nl.demo.label });
    await banner.waitFor();
    expect(await banner.textContent()).toContain(nl.demo.text);
    await logIn(page, demo('participant'));
    await settle(page);
    await banner.waitFor();
    expect(await banner.textContent()).toContain(nl.demo.text);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await page.context().close();
  });
});

describe.each([
  ['nl', 'coach'],
  ['ar', 'coach2'],
] as const)('a second factor in %s at 360 px (%s)', (lang, login) => {
  it('asks for the password again, shows the QR code, confirms a code and shows the recovery codes', async () => {
    const t = texts[lang];
    const page = await openPage(browser, phone);
    await logIn(page, demo(login), lang);
    await page.goto('/account/security');
    await settle(page);
    expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);

    // A login counts as a recent password, so the first answer is made to ask for it again: the dialog, the real
    // re-authentication and the repeated request are what is tested.
    let asked = false;
    await page.route('**/api/auth/totp/setup', async (route) => {
      if (asked) return route.continue();
      asked = true;
      await route.fulfill({
        status: 403,
        contentType: 'application/json',
        body: JSON.stringify({
          error: { code: 'auth.reauthentication_required', message: 'Enter your password again.' },
        }),
      });
    });
    await page.getByTestId('second-factor-start').click();
    const dialog = page.getByRole('dialog', { name: t.reauth.title });
    await dialog.waitFor();
    await expectAccessible(page);
    await dialog.locator('input[name=password]').fill(demoPassword);
    const reauthenticated = page.waitForResponse((r) => r.url().endsWith('/api/auth/reauthenticate'));
    await dialog.locator('button[type=submit]').click();
    expect((await reauthenticated).status()).toBe(200);
    await dialog.waitFor({ state: 'hidden' });

    const secret = (await page.getByTestId('totp-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await page.locator('img.qr-image').waitFor();
    const code = new TOTP({
      secret: Secret.fromBase32(secret),
      digits: 6,
      period: 30,
      algorithm: 'SHA1',
    }).generate();
    const codeForm = page.locator('form', { has: page.locator('input[name=code]') });
    await codeForm.locator('input[name=code]').fill(code);
    await codeForm.locator('button[type=submit]').click();

    const view = page.getByTestId('recovery-codes');
    await view.waitFor();
    const codes = await view.locator('.recovery-codes li').allTextContents();
    expect(codes).toHaveLength(10);
    for (const recoveryCode of codes) expect(recoveryCode).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await screenshot(page, `security-recovery-codes-${lang}-360`);

    await view.getByRole('button', { name: t.security.codesSaved }).click();
    await page.getByText(t.security.doneText).first().waitFor();
    expect(await page.getByText(t.security.statusOn).count()).toBe(1);
    await page.context().close();
  });
});

describe('my devices', () => {
  it('logs out on all other devices and says how many', async () => {
    const other = await openPage(browser, phone);
    await logIn(other, demo('trainer'));
    const page = await openPage(browser, phone);
    await logIn(page, demo('trainer'));
    await page.goto('/account/sessions');
    await settle(page);
    await expectAccessible(page);
    await page.getByRole('button', { name: nl.sessions.endOthers, exact: true }).click();
    const status = page.getByRole('status').filter({ hasText: /uitgelogd/ });
    await status.first().waitFor();
    expect(await status.first().textContent()).toMatch(
      /\d+ (ander apparaat is|andere apparaten zijn) uitgelogd/,
    );
    // The other device is logged out: its next page load goes to the login page.
    await other.goto('/account/sessions');
    await other.waitForURL((url) => url.pathname.startsWith('/login'));
    await other.context().close();
    await page.context().close();
  });
});

describe('a role that waits for a lead', () => {
  it('the administrator invites a coach, sees it wait, and the regional lead confirms it', async () => {
    const email = `nieuwe.coach.${Date.now()}@example.org`;
    const name = 'Nieuwe Coach';
    const admin = await openPage(browser, phone);
    await logIn(admin, demo('admin'));
    await admin.goto('/users/invite');
    await settle(admin);
    await admin.locator('#invite-displayName').fill(name);
    await admin.locator('#invite-email').fill(email);
    await admin.locator('#invite-roles-0-role').selectOption('coach');
    await admin.locator('#invite-roles-0-regionId').selectOption({ label: 'Regio Midden' });
    await admin.locator('form button[type=submit]').click();
    const sent = admin.getByRole('status').filter({ hasText: email });
    await sent.waitFor();
    expect(await sent.textContent()).toContain(nl.invite.confirmByRegional);
    await expectAccessible(admin);
    await expectNoHorizontalScroll(admin);

    await admin.goto(`/?q=${encodeURIComponent(email)}`);
    await settle(admin);
    const row = admin.locator('tr', { hasText: email });
    await row.waitFor();
    expect(await row.textContent()).toContain(nl.roleStatus.pending);
    await expectAccessible(admin);

    const lead = await openPage(browser, phone);
    await logIn(lead, demo('regional'));
    const todo = lead.getByTestId('roles-to-confirm');
    await todo.waitFor();
    await lead.waitForLoadState('networkidle');
    await expectAccessible(lead);
    await expectNoHorizontalScroll(lead);
    await screenshot(lead, 'roles-to-confirm-nl-360');
    const item = todo.locator('li', { hasText: email });
    expect(await item.textContent()).toContain('Coach – Regio Midden');
    await item.getByRole('button', { name: nl.confirmRoles.confirm }).click();
    const done = lead.getByRole('status').filter({ hasText: name });
    await done.waitFor();
    expect(await done.textContent()).toContain('Coach – Regio Midden');
    await item.waitFor({ state: 'detached' });
    await expectAccessible(lead);

    // The administrator's list no longer says it waits.
    await admin.reload();
    await settle(admin);
    await row.waitFor();
    expect(await row.textContent()).not.toContain(nl.roleStatus.pending);
    await lead.context().close();
    await admin.context().close();
  });
});

describe('failed jobs', () => {
  it('lists them with readable names, in Arabic at 360 px, and tries one again', async () => {
    const jobs = [
      {
        id: '00000000-0000-4000-8000-000000000001',
        name: 'notifications.deliver-mail',
        failedAt: '2026-03-02T09:30:00.000Z',
        tries: 3,
        reason: 'database 23505',
      },
      {
        id: '00000000-0000-4000-8000-000000000002',
        name: 'reports.monthly-export',
        failedAt: '2026-03-01T17:05:00.000Z',
        tries: 5,
        reason: 'resource.conflict',
      },
    ];
    let retried = '';
    const page = await openPage(browser, phone);
    // The demo has no failed jobs: the list and the retry are answered here; the page is what is tested.
    await page.route('**/api/jobs/failed', (route) =>
      route.fulfill({
        contentType: 'application/json',
        body: JSON.stringify({ items: jobs.filter((j) => !retried.endsWith(j.id)) }),
      }),
    );
    await page.route('**/api/jobs/*/*/retry', (route) => {
      retried = new URL(route.request().url()).pathname.replace(/\/retry$/, '');
      return route.fulfill({ contentType: 'application/json', body: '{"ok":true}' });
    });
    await logIn(page, demo('admin'), 'ar');
    await page.goto('/jobs');
    await settle(page);
    const table = page.locator('table');
    await table.waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const text = (await table.textContent()) ?? '';
    expect(text).toContain(ar.jobs.names.notifications['deliver-mail']);
    expect(text).toContain('reports.monthly-export');
    expect(text).toContain('database 23505');
    expect(text).not.toMatch(/[٠-٩]/);
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'jobs-ar-360');

    await page.getByRole('button', { name: new RegExp(ar.jobs.names.notifications['deliver-mail']) }).click();
    await page.getByRole('status').filter({ hasText: ar.jobs.names.notifications['deliver-mail'] }).waitFor();
    expect(retried).toBe(`/api/jobs/notifications.deliver-mail/${jobs[0]!.id}`);
    await page
      .locator('tr', { hasText: ar.jobs.names.notifications['deliver-mail'] })
      .waitFor({ state: 'detached' });
    expect(await page.locator('tbody tr').count()).toBe(1);
    await expectAccessible(page);
    await page.context().close();
  });
});
