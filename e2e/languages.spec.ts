// The participant's own language in a real browser at 360 px: a Tigrinya-speaking participant gets the invitation
// in Tigrinya, accepts it, agrees to a new plan and asks a question, all in Tigrinya (Ge'ez script); the portal in
// Persian, right to left; staff are offered their three languages, a participant eight. Axe and screenshots on
// every page (test-results/screenshots/languages-*).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fa, nl, ti } from '../src/web/i18n/all-texts.ts';
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

const run = Date.now() % 100000;
const email = `selam.${run}@example.org`;
const password = 'ሰላም-Zonnebloem-2026';
const newStep = `Bezoek aan een kinderdagverblijf ${run}`;
const question = `ንስራሕ ኣብ መውዓሊ ህጻናት ክንዛረብ ንኽእል ዶ? ${run}`;

/** The page's language and direction, one h1, no serious axe findings, no sideways scrolling, a screenshot. */
async function check(page: Page, lang: 'ti' | 'fa', name: string) {
  await page.locator('h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(lang);
  expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'fa' ? 'rtl' : 'ltr');
  expect(await page.locator('h1').count()).toBe(1);
  await expectAccessible(page);
  await expectNoHorizontalScroll(page);
  // The script's own font is in (self-hosted: this machine, like many phones, has no Ge'ez font of its own).
  await page.evaluate(() => document.fonts.ready);
  const family = lang === 'ti' ? 'Opstap Ethiopic' : 'Opstap Naskh';
  const sample = lang === 'ti' ? 'ሰላም' : 'سلام';
  expect(await page.evaluate(([f, s]) => document.fonts.check(`16px "${f}"`, s), [family, sample])).toBe(
    true,
  );
  expect(
    await page.evaluate(
      (f) => [...document.fonts].some((x) => x.family.includes(f) && x.status === 'loaded'),
      family,
    ),
  ).toBe(true);
  await screenshot(page, `languages-${lang}-${name}`);
}

describe('a Tigrinya-speaking participant, at 360 px', () => {
  it('the coach changes the plan and invites Selam Tekle to the portal', async () => {
    const page = await openPage(browser, phone);
    await logIn(page, 'coach@demo.opstap.nl');
    // Staff are offered their three languages.
    expect(await page.locator('#language-switcher option').count()).toBe(3);
    const found = (await (await page.request.get('/api/participants?q=Selam%20Tekle')).json()) as {
      items: { id: string; name: string }[];
    };
    const selam = found.items.find((p) => p.name === 'Selam Tekle');
    expect(selam, 'Selam Tekle in the demo data').toBeDefined();
    await page.goto(`/participants/${selam!.id}?tab=plan`);
    await page.getByRole('button', { name: nl.plan.addStep, exact: true }).click();
    const steps = page.locator('[data-testid^="step-"]');
    await steps.last().getByLabel(nl.plan.field.text, { exact: true }).fill(newStep);
    await page.getByRole('button', { name: nl.plan.save, exact: true }).click();
    await page.getByTestId('plan-waiting').waitFor();
    await page.getByRole('tab', { name: nl.file.tab.trajectory, exact: true }).click();
    await page.getByLabel(nl.portalAccount.email, { exact: true }).fill(email);
    await page.getByRole('button', { name: nl.portalAccount.submit, exact: true }).click();
    await page.getByTestId('portal-invited').getByText(email).waitFor();
    await page.context().close();
  });

  let link = '';
  it('the invitation in the outbox is in Tigrinya, greets her by name and counts days', async () => {
    const admin = await openPage(browser, desktop);
    await logIn(admin, 'admin@demo.opstap.nl');
    const outbox = (await (await admin.request.get('/api/outbox')).json()) as {
      items: { recipient: string; subject: string | null; body: string }[];
    };
    const mail = outbox.items.find((m) => m.recipient === email);
    expect(mail, 'invitation in the outbox').toBeDefined();
    expect(mail!.subject).toBe('ኣካውንትኩም ኣብ Opstap');
    expect(mail!.body.startsWith('ሰላም Selam Tekle፣')).toBe(true);
    expect(mail!.body).toContain('7 መዓልቲ');
    link = mail!.body.match(/https?:\/\/\S+\/invitation\?token=[\w-]+&lang=ti/)?.[0] ?? '';
    expect(link, 'invitation link in Tigrinya').not.toBe('');
    await admin.context().close();
  });

  it('she accepts the invitation, agrees to the plan and asks a question, in Tigrinya', async () => {
    const page = await openPage(browser, phone);
    const url = new URL(link);
    await page.goto(`${url.pathname}${url.search}`);
    await page.getByRole('heading', { level: 1, name: ti.invitation.title }).waitFor();
    await check(page, 'ti', '1-invitation');
    await page.getByLabel(ti.invitation.password, { exact: true }).fill(password);
    await page.getByLabel(ti.invitation.repeat, { exact: true }).fill(password);
    await page.getByRole('button', { name: ti.invitation.submit, exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('link', { name: ti.portal.checkPlan, exact: true }).waitFor();
    // A participant is offered all eight languages, each in its own script.
    const options = await page.locator('#language-switcher option').allTextContents();
    expect(options).toHaveLength(8);
    expect(options).toContain('ትግርኛ');
    await check(page, 'ti', '2-home');

    await page.getByRole('link', { name: ti.portal.checkPlan, exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/my/plan/check');
    await page.getByText(newStep).waitFor();
    await page.getByText(ti.portal.change.added, { exact: true }).first().waitFor();
    await check(page, 'ti', '3-check-plan');
    await page.getByRole('button', { name: ti.portal.agree, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: ti.portal.agreedTitle }).waitFor();
    await check(page, 'ti', '4-agreed');

    await page.goto('/my/question');
    await page.getByRole('button', { name: ti.portal.send, exact: true }).click();
    await page.getByText(ti.portal.questionEmpty).first().waitFor();
    await page.getByLabel(ti.portal.questionLabel).fill(question);
    await page.getByRole('button', { name: ti.portal.send, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: ti.portal.questionSentTitle }).waitFor();
    await check(page, 'ti', '5-question-sent');
    await page.getByRole('link', { name: ti.portal.backHome }).click();
    const mine = page.getByTestId('my-questions').locator('li', { hasText: question });
    await mine.getByText(ti.portal.questionState.waiting).waitFor();
    await check(page, 'ti', '6-home-question');
    await page.goto('/my/cv');
    await page.locator('.cv').waitFor();
    await check(page, 'ti', '7-cv');
    await page.context().close();
  });
});

describe('the portal in Persian, right to left, at 360 px', () => {
  it('home, plan check, question and privacy pages', async () => {
    const page = await openPage(browser, phone);
    await logIn(page, 'participant@demo.opstap.nl', 'fa');
    await page.getByTestId('task-list').waitFor();
    await page.getByText(fa.portal.trajectoryTitle).first().waitFor();
    await check(page, 'fa', '1-home');
    for (const [path, name] of [
      ['/my/plan/check', '2-check-plan'],
      ['/my/question', '3-question'],
      ['/my/privacy', '4-privacy'],
    ] as const) {
      await page.goto(path);
      await check(page, 'fa', name);
    }
    // One tap to Dutch and back (the account's language is Arabic; the device's choice is Persian).
    await page.goto('/');
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('nl');
    await page.context().close();
  });
});

describe('languages for administrators', () => {
  it('lists the eight languages, where they are used and whether a native speaker reviewed them', async () => {
    const page = await openPage(browser, phone);
    await logIn(page, 'admin@demo.opstap.nl');
    await page.goto('/languages');
    await page.getByRole('heading', { level: 1, name: nl.languages.title }).waitFor();
    const rows = page.getByTestId('language-status').locator('tr');
    expect(await rows.count()).toBe(8);
    await rows.filter({ hasText: 'ትግርኛ' }).getByText(nl.languages.portalOnly).waitFor();
    await rows.filter({ hasText: 'ትግርኛ' }).getByText(nl.languages.note.draft).waitFor();
    await expectAccessible(page);
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'languages-admin');
    await page.context().close();
  });
});
