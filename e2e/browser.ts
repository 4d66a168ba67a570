// Shared helpers for the browser tests: Debian's Chromium driven by playwright-core, axe-core checks, screenshots.
import { execSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const baseUrl = () => inject('baseUrl');
export const demoPassword = 'opstap-demo';
export const phone = { width: 360, height: 740 };
export const desktop = { width: 1280, height: 800 };
const artifacts = 'test-results/screenshots';

/** Chromium from Debian's package (`apt-get install -y chromium`), found on the PATH. */
export function launchChromium(): Promise<Browser> {
  const executablePath = execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh' })
    .toString()
    .trim();
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function openPage(browser: Browser, viewport = desktop) {
  // Reduced motion: dialogs appear at once, so the accessibility checks see them as they finally look.
  const context = await browser.newContext({ viewport, baseURL: baseUrl(), reducedMotion: 'reduce' });
  return context.newPage();
}

export async function logIn(page: Page, email: string, lang = 'nl') {
  await page.goto(`/login?lang=${lang}`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(demoPassword);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/** Fails on any serious or critical axe violation, naming the rule and the elements. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

/** No sideways scrolling on a small phone. */
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal overflow on ${page.url()}`).toBeLessThanOrEqual(0);
}

/**
 * Every page on the way: written in the expected direction, one h1, no serious axe findings, no sideways
 * scrolling; a screenshot for the artifacts.
 */
export async function checkPage(page: Page, dir: 'ltr' | 'rtl', name: string) {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  expect(await page.locator('html').getAttribute('dir')).toBe(dir);
  expect(await page.locator('h1').count()).toBe(1);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await screenshot(page, name);
}

/** The direction a language is written in. */
export const dirOf = (lang: string) => (lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr');

export async function screenshot(page: Page, name: string) {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: `${artifacts}/${name}.png`, fullPage: true });
}
