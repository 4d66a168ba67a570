// The foundation in a real browser: every demo role reaches its home page, languages switch (Arabic right to
// left) and only the reader's language is downloaded, and every page of every feature passes axe at phone and
// desktop width, in Dutch and in Arabic.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/shared/roles.ts';
import { featureRoutes } from '../src/web/features/registry.ts';
import { nl } from '../src/web/i18n/all-texts.ts';
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

/** Which languages' texts a page load downloads (the build puts each language in one `texts-<lang>` file). */
function textsRequested(page: Page) {
  const languages: string[] = [];
  page.on('request', (request) => {
    const language = /\/assets\/texts-(\w+)-/.exec(request.url())?.[1];
    if (language) languages.push(language);
  });
  return languages;
}

describe('languages', () => {
  it("a page loads the texts of the reader's language only", async () => {
    const page = await openPage(browser, phone);
    const languages = textsRequested(page);
    await page.goto('/login?lang=ar');
    await page.locator('h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(languages).toEqual(['ar']);
    await page.context().close();
  });

  it("a signed-in participant's page opens in their own language, without loading Dutch first", async () => {
    const page = await openPage(browser, phone);
    await logIn(page, 'participant@demo.opstap.nl');
    // Arabic becomes the account's language (a link with ?lang= sets it), then this device forgets its choice.
    await page.goto('/?lang=ar');
    await expect
      .poll(() => page.evaluate(() => fetch('/api/auth/me').then((r) => r.json())))
      .toMatchObject({
        preferredLanguage: 'ar',
      });
    await page.evaluate(() => window.localStorage.clear());
    const languages = textsRequested(page);
    await page.goto('/');
    await page.getByTestId('home').waitFor();
    await page.waitForLoadState('networkidle');
    expect(languages).toEqual(['ar']);
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    await page.context().close();
  });

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

/** Public pages that need more than their path to show what they are for. */
const publicExamples: Record<string, string | null> = {
  '/reset-password': '/reset-password?token=not-a-real-token-123',
  '/invitation': '/invitation?token=not-a-real-token-123',
  // Only reachable halfway through a login (password done, code not yet): security.spec.ts covers it.
  '/login/code': null,
};

/**
 * Pages per login (`null`: the public pages), from the feature declarations: every page without a parameter in
 * its path, opened by the first demo login above whose role may open it; every login opens its home page, and
 * one the page for an unknown address.
 */
const pages: [string | null, string[]][] = [
  [
    null,
    featureRoutes
      .filter((r) => r.layout === 'public')
      .flatMap((r) => {
        const example = r.path in publicExamples ? publicExamples[r.path] : r.path;
        return example ? [example] : [];
      }),
  ],
  ...roles.map(([login], index): [string, string[]] => {
    // Routes without roles are for everyone: the first login (the administrator) opens them.
    const firstAllowed = (allowed: readonly Role[] | undefined) =>
      roles.findIndex(([, role]) => allowed?.includes(role) ?? true);
    const own = featureRoutes.filter(
      (r) =>
        (r.layout ?? 'app') === 'app' &&
        r.path !== '/' &&
        !r.path.includes(':') &&
        firstAllowed(r.roles) === index,
    );
    return [login, ['/', ...own.map((r) => r.path), ...(login === 'evaluator' ? ['/no-such-page'] : [])]];
  }),
];

it('the page list covers every feature page without a parameter', () => {
  const listed = new Set(pages.flatMap(([, paths]) => paths.map((p) => p.split('?')[0])));
  const missing = featureRoutes.filter(
    (r) => !r.path.includes(':') && !listed.has(r.path) && publicExamples[r.path] !== null,
  );
  expect(featureRoutes.length).toBeGreaterThan(10);
  expect(missing.map((r) => r.path)).toEqual([]);
});

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
