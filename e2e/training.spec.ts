// Attendance in seconds, in a real browser on a 360 px phone, in Dutch and in Arabic: the demo trainer starts on
// their groups with today's session, marks everyone present with one tap, changes one exception, and sees it on
// the group page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar, nl } from '../src/web/i18n/all-texts.ts';
import { checkPage, dirOf, launchChromium, logIn, openPage, phone } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const texts = { nl, ar } as const;

const check = (page: Page, lang: 'nl' | 'ar', name: string) =>
  checkPage(page, dirOf(lang), `training-${lang}-${name}`);

describe.each(['nl', 'ar'] as const)('attendance at 360 px (%s)', (lang) => {
  const t = texts[lang].training;
  // "Saved for 4 participants" in the language's plural form for four.
  const savedFour = (t as unknown as Record<string, string>)[
    `saved_${new Intl.PluralRules(lang).select(4)}`
  ]!.replace('{{count}}', '4');

  it('one tap marks the group present, then one exception; the group page shows both', async () => {
    const page = await openPage(browser, phone);
    await logIn(page, 'trainer@demo.opstap.nl', lang);
    // The trainer's home: their groups, today's session first.
    await page.getByRole('heading', { level: 1, name: t.cohortsTitle }).waitFor();
    await check(page, lang, '1-home');
    await page.getByRole('link', { name: t.markAttendance }).first().click();
    await page.getByRole('heading', { level: 1, name: t.attendanceTitle }).waitFor();
    await check(page, lang, '2-attendance');

    const started = Date.now();
    await page.getByRole('button', { name: t.allPresent }).click();
    await page.getByText(savedFour).waitFor();
    const oneTapMs = Date.now() - started;
    expect(oneTapMs).toBeLessThan(5000);
    const selam = page.getByRole('radiogroup', { name: 'Selam Tekle' });
    await expect.poll(() => selam.getByRole('radio', { name: t.mark.present }).isChecked()).toBe(true);

    await selam.getByRole('radio', { name: t.mark.late }).check();
    await page.getByRole('button', { name: t.saveChanges }).click();
    await page.getByText(savedFour).waitFor();
    await check(page, lang, '3-saved');

    await page.getByRole('link', { name: 'Utrecht – voorjaar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Utrecht – voorjaar' }).waitFor();
    await page.getByRole('region', { name: new RegExp(t.grid) }).waitFor();
    await check(page, lang, '4-cohort');
    expect(await page.getByRole('img', { name: t.mark.late, exact: true }).count()).toBeGreaterThan(0);
    await page.close();
  }, 180_000);
});
