// What staff tripped over, in a real browser on a 360 px phone: municipality staff refer someone, read who takes it
// up, correct the referral while it is still "referred" and find it closed once the lead has taken it up.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar, nl } from '../src/web/i18n/all-texts.ts';
import {
  baseUrl,
  checkPage,
  demoPassword,
  dirOf,
  launchChromium,
  logIn,
  openPage,
  phone,
} from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

const texts = { nl, ar } as const;

const check = (page: Page, lang: 'nl' | 'ar', name: string) =>
  checkPage(page, dirOf(lang), `staff-${lang}-${name}`);

/** The regional lead takes a referral up (starts the intake), through the API in a context of their own. */
async function leadStartsIntake(participantId: string) {
  const context = await browser.newContext({ baseURL: baseUrl() });
  const headers = { origin: baseUrl() };
  const login = await context.request.post('/api/auth/login', {
    headers,
    data: { email: 'regional@demo.opstap.nl', password: demoPassword },
  });
  expect(login.status()).toBe(200);
  const file = await context.request.get(`/api/participants/${participantId}`);
  const trajectoryId = ((await file.json()) as { file: { trajectory: { id: string } } }).file.trajectory.id;
  const today = new Date().toISOString().slice(0, 10);
  const moved = await context.request.post(`/api/trajectories/${trajectoryId}/status`, {
    headers,
    data: { action: 'start_intake', on: today },
  });
  expect(moved.status()).toBe(200);
  await context.close();
}

describe.each(['nl', 'ar'] as const)(
  'municipality staff: refer, correct, see it move on (%s, 360 px)',
  (lang) => {
    const t = texts[lang];
    const run = `${lang === 'ar' ? 'Salma' : 'Mariam'} Proef ${String.fromCharCode(97 + (Date.now() % 26))}${String.fromCharCode(97 + (Math.floor(Date.now() / 26) % 26))}`;

    it('refers someone, reads what happens next and who the lead is, corrects the referral, and finds it closed later', async () => {
      const page = await openPage(browser, phone);
      await logIn(page, 'municipality@demo.opstap.nl', lang);
      await page.goto(`/participants/new?lang=${lang}`);
      await check(page, lang, '1-referral-form');
      await page.getByLabel(t.referral.name, { exact: false }).first().fill(run);
      await page.getByLabel(t.referral.phone).fill('0612345678');
      // The preferred language is asked, never pre-filled.
      await page.getByLabel(t.referral.preferredLanguage, { exact: true }).selectOption('ti');
      await page.getByRole('button', { name: t.referral.submit, exact: true }).click();

      // The confirmation: what happens next, and the regional lead by name and address.
      await page.getByRole('heading', { level: 1, name: t.referral.sentTitle }).waitFor();
      await page.getByText(t.referral.next1).waitFor();
      await page.getByTestId('regional-leads').getByText('Hanna de Graaf').waitFor();
      await page.getByTestId('regional-leads').getByText('regional@demo.opstap.nl').waitFor();
      await check(page, lang, '2-referral-sent');

      // The correction window: the referral is still "referred".
      await page.getByRole('link', { name: t.referral.openReferral }).click();
      await page.getByRole('button', { name: t.correction.open }).click();
      await page.getByRole('heading', { name: t.correction.title }).waitFor();
      await check(page, lang, '3-correction-form');
      // A wrong phone number is named next to its field.
      await page.getByLabel(t.referral.phone).fill('12');
      await page.getByRole('button', { name: t.correction.submit, exact: true }).click();
      await page.getByText(t.validation.phoneInvalid).first().waitFor();
      await page.getByLabel(t.referral.phone).fill('0687654321');
      await page.getByRole('button', { name: t.correction.submit, exact: true }).click();
      await page.getByText(t.correction.saved).waitFor();
      await check(page, lang, '4-corrected');
      const participantId = new URL(page.url()).pathname.split('/').pop()!;

      // The lead takes it up: the correction window closes, and the page says whom to tell instead.
      await leadStartsIntake(participantId);
      await page.reload();
      await page.getByText(t.correction.closed).waitFor();
      expect(await page.getByRole('button', { name: t.correction.open }).count()).toBe(0);
      await check(page, lang, '5-closed');
      await page.context().close();
    }, 180_000);
  },
);

describe.each(['nl', 'ar'] as const)('the caseload and the lead to-do on a phone (%s, 360 px)', (lang) => {
  const t = texts[lang];

  it('the coach sees one card per participant with next step, overdue, last contact and flags, no sideways scrolling', async () => {
    const page = await openPage(browser, phone);
    await logIn(page, 'coach@demo.opstap.nl', lang);
    await page.goto(`/caseload?lang=${lang}`);
    const cards = page.getByTestId('caseload-cards').locator(':scope > li');
    await cards.first().waitFor();
    expect(await cards.count()).toBeGreaterThan(1);
    // The wide table is not shown on a phone.
    expect(await page.locator('table').first().isVisible()).toBe(false);
    const first = cards.first();
    for (const label of [t.caseload.nextStep, t.caseload.overdue, t.caseload.lastContact])
      await first.getByText(label, { exact: true }).waitFor();
    // A flag shows on the card of the participant whose plan waits for agreement.
    await page.getByTestId('caseload-cards').getByText(t.caseload.notAgreed).first().waitFor();
    // Every card fits the screen.
    const widest = await cards.evaluateAll((els) =>
      Math.max(...els.map((el) => el.getBoundingClientRect().right)),
    );
    expect(widest).toBeLessThanOrEqual(360);
    await check(page, lang, 'caseload-cards');
    await page.context().close();
  }, 120_000);

  it('the regional lead finds referrals waiting for a coach on the home page', async () => {
    const page = await openPage(browser, phone);
    await logIn(page, 'regional@demo.opstap.nl', lang);
    await page.goto(`/?lang=${lang}`);
    const waiting = page.getByTestId('waiting-referrals');
    await waiting.getByRole('heading', { name: t.lead.waiting.title }).waitFor();
    await waiting.getByTestId('waiting-list').locator('li').first().waitFor();
    await check(page, lang, 'lead-home-waiting');
    await page.context().close();
  }, 120_000);
});
