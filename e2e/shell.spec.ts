// The foundation in a real browser: every demo role reaches its home page, languages switch (Arabic right to
// left), and every page passes axe at phone and desktop width, in Dutch and in Arabic.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import nl from '../src/web/i18n/locales/nl.json' with { type: 'json' };
import {
  desktop,
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

const roles = [
  ['admin', 'administrator'],
  ['national', 'national_lead'],
  ['regional', 'regional_lead'],
  ['coach', 'coach'],
  ['coach2', 'coach'],
  ['trainer', 'trainer'],
  ['participant', 'participant'],
  ['municipality', 'municipality_staff'],
  ['employer', 'employer_contact'],
  ['evaluator', 'evaluator'],
] as const;

describe('each demo role', () => {
  it.each(roles)('%s logs in and sees the home page of %s', async (login, role) => {
    const page = await openPage(browser, desktop);
    await logIn(page, `${login}@demo.opstap.nl`);
    const home = page.getByTestId('home');
    await expect.poll(() => home.getAttribute('data-role')).toBe(role);
    // The home page of the role loads as its own chunk: wait for its heading before counting.
    await page.locator('h1').first().waitFor();
    expect(await page.locator('h1').count()).toBe(1);
    await screenshot(page, `home-${login}`);
    await page.context().close();
  });

  it('a wrong password gets a translated message, the same as an unknown address', async () => {
    const page = await openPage(browser, phone);
    await page.goto('/login?lang=nl');
    await page.locator('input[name=email]').fill('coach@demo.opstap.nl');
    await page.locator('input[name=password]').fill('not the password');
    await page.locator('form button[type=submit]').click();
    const alert = page.getByRole('alert').first();
    await expect.poll(() => alert.textContent()).toContain(nl.errors.auth.invalid_credentials);
    await expectAccessible(page);
    await page.context().close();
  });
});

describe('languages', () => {
  it('?lang=ar sets Arabic right to left and remembers it across pages', async () => {
    const page = await openPage(browser, phone);
    await page.goto('/login?lang=ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await page.goto('/forgot-password');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.goto('/login?lang=en');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('html').getAttribute('dir')).toBe('ltr');
    await page.context().close();
  });
});

/** Pages per login; `null` is the public pages. */
const pages: [string | null, string[]][] = [
  [
    null,
    [
      '/login',
      '/forgot-password',
      '/reset-password?token=not-a-real-token-123',
      '/invitation?token=not-a-real-token-123',
    ],
  ],
  [
    'admin',
    [
      '/',
      '/users/invite',
      '/audit',
      '/jobs',
      '/dev/outbox',
      '/municipalities',
      '/account/sessions',
      '/account/security',
    ],
  ],
  ['national', ['/', '/municipalities', '/partnerships/new']],
  ['regional', ['/', '/partnerships/new']],
  ['coach', ['/']],
  ['trainer', ['/']],
  ['participant', ['/']],
  ['municipality', ['/']],
  ['employer', ['/']],
  ['evaluator', ['/', '/no-such-page']],
];

async function visit(page: Page, path: string, lang: string) {
  await page.goto(`${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
}

describe.each([
  ['nl', phone],
  ['ar', phone],
  ['nl', desktop],
  ['ar', desktop],
] as const)('every page in %s at %o', (lang, viewport) => {
  // Up to eight pages with axe each (the administrator's): room for a busy machine.
  it.each(pages)('pages of %s pass axe and fit the screen', { timeout: 120_000 }, async (login, paths) => {
    const page = await openPage(browser, viewport);
    if (login) await logIn(page, `${login}@demo.opstap.nl`, lang);
    for (const path of paths) {
      await visit(page, path, lang);
      expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
      await expectAccessible(page);
      if (viewport === phone) await expectNoHorizontalScroll(page);
      await screenshot(
        page,
        `${login ?? 'public'}-${path.replace(/[/?=&]+/g, '_')}-${lang}-${viewport.width}`,
      );
    }
    // The partnership form of a lead: open an existing one too.
    if (login === 'regional') {
      await visit(page, '/', lang);
      const first = page.locator('a[href^="/partnerships/"]:not([href$="/new"])').first();
      await first.click();
      await page.locator('h1').first().waitFor();
      await expectAccessible(page);
      if (viewport === phone) await expectNoHorizontalScroll(page);
    }
    await page.context().close();
  });
});
