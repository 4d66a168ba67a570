// Appointments are not meeting records, in a real browser on a 360 px phone, in Dutch and in Arabic: the demo
// coach plans an appointment in the file, the demo participant sees it in the portal with its time, place, map
// link and what to bring; the coach records the meeting, which closes the appointment, and it leaves the portal.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeDay } from '../src/shared/dates.ts';
import { ar, nl } from '../src/web/i18n/all-texts.ts';
import {
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
const participant = 'participant@demo.opstap.nl';
const coach = 'coach@demo.opstap.nl';
const tomorrow = programmeDay(new Date(Date.now() + 86_400_000));

async function check(page: Page, lang: 'nl' | 'ar', name: string) {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  await screenshot(page, `appointments-${lang}-${name}`);
}

/** The demo participant's file, coaching tab, as the coach. */
async function openCoachingTab(page: Page, lang: string) {
  const caseload = (await page.evaluate(async () => (await fetch('/api/caseload')).json())) as {
    items: { participantId: string; name: string }[];
  };
  const file = caseload.items.find((i) => i.name === 'Yonas Tesfay')!;
  await page.goto(`/participants/${file.participantId}?tab=coaching&lang=${lang}`);
  await page.getByTestId('appointments').waitFor({ state: 'attached' });
}

describe.each(['nl', 'ar'] as const)('an appointment and its meeting record, at 360 px (%s)', (lang) => {
  const t = texts[lang];
  const startTime = lang === 'nl' ? '14:00' : '16:00';
  const address = lang === 'nl' ? 'Stationsplein 1, Utrecht' : 'Croeselaan 15, Utrecht';
  const bring = lang === 'nl' ? 'Uw diploma' : 'الشهادة';

  it('the coach plans an appointment in the file', async () => {
    const page = await openPage(browser, phone);
    await logIn(page, coach, lang);
    await openCoachingTab(page, lang);
    await page.getByRole('button', { name: t.appointments.plan, exact: true }).click();
    const save = page.getByRole('button', { name: t.appointments.save, exact: true });
    expect(await save.isDisabled()).toBe(true); // nothing filled in yet
    // The fields by id: the meeting form below has a date too.
    await page.locator('#appointment-date').fill(tomorrow);
    await page.locator('#appointment-startTime').fill(startTime);
    await page.locator('#appointment-placeText').fill(address);
    await page.locator('#appointment-bring').fill(bring);
    await save.click();
    await page.getByText(t.appointments.planned).waitFor();
    await page.getByTestId('appointments').locator('li', { hasText: address }).waitFor();
    await check(page, lang, '1-planned');
    await page.context().close();
  });

  it('the participant sees it in the portal with time, place, map and what to bring', async () => {
    const page = await openPage(browser, phone);
    await logIn(page, participant, lang);
    await page.goto(`/?lang=${lang}`);
    const item = page.getByTestId('my-appointments').locator('li', { hasText: address });
    await item.waitFor();
    await item.getByText(startTime, { exact: false }).waitFor();
    await item.getByText(bring, { exact: false }).waitFor();
    const map = item.getByRole('link', { name: t.portal.appointmentMap });
    expect(await map.getAttribute('href')).toContain(encodeURIComponent(address));
    await check(page, lang, '2-portal');
    await page.context().close();
  });

  it('the coach records the meeting, which closes the appointment; the portal no longer shows it', async () => {
    const page = await openPage(browser, phone);
    await logIn(page, coach, lang);
    await openCoachingTab(page, lang);
    const save = page.getByRole('button', { name: t.common.save, exact: true });
    expect(await save.isDisabled()).toBe(true); // an untouched form cannot be saved (twice)
    const which = page.getByLabel(t.coaching.meeting.appointmentId);
    const option = which.locator('option', { hasText: startTime });
    await which.selectOption({ value: (await option.getAttribute('value'))! });
    await page
      .getByLabel(t.coaching.meeting.summary)
      .fill(lang === 'nl' ? 'Cv besproken' : 'ناقشنا السيرة الذاتية');
    await save.click();
    await page.getByText(t.coaching.meetingSaved).waitFor();
    await page
      .getByTestId('appointments')
      .locator('li', { hasText: address })
      .getByText(t.appointments.status.held, { exact: true })
      .waitFor();
    await check(page, lang, '3-held');
    await page.context().close();

    const portal = await openPage(browser, phone);
    await logIn(portal, participant, lang);
    await portal.goto(`/?lang=${lang}`);
    await portal.getByRole('heading', { name: t.portal.appointments }).waitFor();
    await portal.waitForLoadState('networkidle');
    expect(await portal.getByText(address).count()).toBe(0);
    await portal.context().close();
  });
});
