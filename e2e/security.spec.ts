// Security in a real browser: the demo banner on every kind of page, setting up a second factor (through the one
// "enter your password again" dialog) up to the recovery codes, in Dutch and in Arabic at 360 px, and logging out
// other devices.
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ar from '../src/web/i18n/locales/ar.json' with { type: 'json' };
import nl from '../src/web/i18n/locales/nl.json' with { type: 'json' };
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
