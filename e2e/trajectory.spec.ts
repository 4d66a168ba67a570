// A whole trajectory in a real browser, on a 360 px phone in Arabic: a municipality refers someone, the regional
// lead assigns a coach and starts the intake, the coach writes a plan and invites the participant, the participant
// sets a password and agrees to the plan in the portal, and the coach sees the agreement.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ar } from '../src/web/i18n/all-texts.ts';
import {
  checkPage,
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

const demo = (name: string) => `${name}@demo.opstap.nl`;

/** Every page of the flow is in Arabic, right to left. */
const check = (page: Page, name: string) => checkPage(page, 'rtl', `trajectory-${name}`);

describe('a trajectory from referral to an agreed plan, at 360 px in Arabic', () => {
  const name = `Rahel Kidane ${Date.now() % 100000}`;
  const email = `rahel.${Date.now()}@example.org`;
  const password = 'Zonnebloem-Rivierdal-2026';
  let participantPath = '';

  it('the municipality refers a resident', async () => {
    const page = await openPage(browser, phone);
    await logIn(page, demo('municipality'), 'ar');
    await expect.poll(() => page.locator('html').getAttribute('dir')).toBe('rtl');
    await page.goto('/participants/new');
    await check(page, '1-referral-form');
    await page.getByLabel(ar.referral.name, { exact: true }).fill(name);
    await page.getByLabel(ar.referral.dateOfBirth, { exact: true }).fill('1994-03-15');
    // Asked, not pre-filled.
    const language = page.getByLabel(ar.referral.preferredLanguage, { exact: true });
    await expect.poll(() => language.inputValue()).toBe('');
    await language.selectOption('ar');
    await page.getByLabel(ar.referral.motivation, { exact: true }).fill('تريد العمل في رعاية المسنين.');
    await page.getByRole('button', { name: ar.referral.submit, exact: true }).click();
    // A namesake from an earlier run may exist: then confirm that this is someone else.
    const sent = page.getByRole('heading', { level: 1, name: ar.referral.sentTitle });
    await Promise.race([sent.waitFor(), page.getByText(ar.referral.notDuplicate).waitFor()]);
    if (!(await sent.isVisible())) {
      await page.getByLabel(ar.referral.notDuplicate).check();
      await page.getByRole('button', { name: ar.referral.submit, exact: true }).click();
      await sent.waitFor();
    }
    // The confirmation says what happens next; from there the referral opens.
    await check(page, '2-referral-sent');
    await page.getByRole('link', { name: ar.referral.openReferral }).click();
    await page.waitForURL(/\/participants\/[0-9a-f-]{36}$/);
    participantPath = new URL(page.url()).pathname;
    await expect.poll(() => page.locator('h1').textContent()).toContain(name);
    await check(page, '2-referral-status');
    await page.context().close();
  });

  it('the regional lead assigns coach Joost Verhoeven and starts the intake', async () => {
    const page = await openPage(browser, phone);
    await logIn(page, demo('regional'), 'ar');
    await page.goto(participantPath);
    await check(page, '3-lead-file');
    const coach = page.getByLabel(ar.trajectory.coach, { exact: true });
    const joost = await coach.locator('option', { hasText: 'Joost Verhoeven' }).getAttribute('value');
    await coach.selectOption(joost!);
    await page.getByRole('button', { name: ar.trajectory.assignCoach, exact: true }).click();
    await page.getByText(ar.trajectory.coachAssigned.replace('{{name}}', 'Joost Verhoeven')).waitFor();
    await page.getByRole('button', { name: ar.trajectory.action.start_intake, exact: true }).click();
    await page.getByTestId('confirm-action').click();
    await page.getByText(ar.trajectory.done.start_intake).waitFor();
    await check(page, '4-lead-intake-started');
    await page.context().close();
  });

  it('the coach writes a plan and invites the participant to the portal', async () => {
    const page = await openPage(browser, phone);
    await logIn(page, demo('coach'), 'ar');
    await page.goto(`${participantPath}?tab=plan`);
    await check(page, '5-coach-plan-empty');
    await page.getByRole('button', { name: ar.plan.addGoal, exact: true }).click();
    await page
      .getByTestId('goal-0')
      .getByLabel(ar.plan.field.target, { exact: true })
      .fill('عمل في رعاية المسنين');
    await page.getByRole('button', { name: ar.plan.addStep, exact: true }).click();
    await page.getByTestId('step-0').getByLabel(ar.plan.field.text, { exact: true }).fill('زيارة دار رعاية');
    await page.getByRole('button', { name: ar.plan.save, exact: true }).click();
    await page.getByTestId('plan-waiting').waitFor();
    await check(page, '6-coach-plan-saved');

    await page.getByRole('tab', { name: ar.file.tab.trajectory, exact: true }).click();
    await page.getByLabel(ar.portalAccount.email, { exact: true }).fill(email);
    await page.getByRole('button', { name: ar.portalAccount.submit, exact: true }).click();
    // Invited, not used yet: the file says so, with the address, and offers to send it again.
    await page.getByTestId('portal-invited').getByText(email).waitFor();
    await check(page, '7-coach-portal-invited');
    // Sending it again to an address someone else uses is refused next to the field.
    await page.getByLabel(ar.portalAccount.email).fill(demo('coach2'));
    await page.getByRole('button', { name: ar.portalAccount.sendAgain, exact: true }).click();
    await page.locator('#portal-email-error').getByText(ar.errors.user.email_taken).waitFor();
    await page.getByLabel(ar.portalAccount.email).fill(email);
    await page.getByRole('button', { name: ar.portalAccount.sendAgain, exact: true }).click();
    await page.getByText(ar.portalAccount.sent.replace('{{email}}', email)).waitFor();
    await page.context().close();
  });

  it('the participant accepts the invitation and agrees to the plan in the portal', async () => {
    const admin = await openPage(browser, desktop);
    await logIn(admin, demo('admin'));
    const outbox = (await (await admin.request.get('/api/outbox')).json()) as {
      items: { recipient: string; body: string }[];
    };
    const message = outbox.items.find((m) => m.recipient === email);
    expect(message, 'invitation in the outbox').toBeDefined();
    const link = message!.body.match(/https?:\/\/\S+\/invitation\?token=[\w-]+/)?.[0];
    expect(link, 'invitation link').toBeDefined();
    await admin.context().close();

    const page = await openPage(browser, phone);
    const url = new URL(link!);
    await page.goto(`${url.pathname}${url.search}&lang=ar`);
    await check(page, '8-invitation');
    await page.getByLabel(ar.invitation.password, { exact: true }).fill(password);
    await page.getByLabel(ar.invitation.repeat, { exact: true }).fill(password);
    await page.getByRole('button', { name: ar.invitation.submit, exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('link', { name: ar.portal.checkPlan, exact: true }).waitFor();
    await check(page, '9-portal-home');
    await page.getByRole('link', { name: ar.portal.checkPlan, exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/my/plan/check');
    await page.getByText('زيارة دار رعاية').waitFor();
    await check(page, '10-portal-check-plan');
    await page.getByRole('button', { name: ar.portal.agree, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: ar.portal.agreedTitle }).waitFor();
    await check(page, '11-portal-agreed');
    await page.context().close();
  });

  it('the coach sees that the plan is no longer waiting', async () => {
    const page = await openPage(browser, phone);
    await logIn(page, demo('coach'), 'ar');
    await page.goto(`${participantPath}?tab=plan`);
    await page.getByTestId('goal-0').waitFor();
    expect(await page.getByTestId('plan-waiting').count()).toBe(0);
    await check(page, '12-coach-plan-agreed');
    await page.getByRole('tab', { name: ar.file.tab.trajectory, exact: true }).click();
    await page.getByText(ar.portalAccount.has).waitFor();
    await page.context().close();
  });
});

describe('the demo participant', () => {
  it.each(['ar', 'nl'] as const)(
    'sees the portal with a plan waiting for agreement (%s, 360 px)',
    async (lang) => {
      const page = await openPage(browser, phone);
      await logIn(page, demo('participant'), lang);
      await page.getByTestId('task-list').waitFor();
      await page.locator('a[href="/my/plan/check"]').waitFor();
      for (const path of ['/', '/my/plan/check', '/my/privacy', '/my/question']) {
        await page.goto(`${path}?lang=${lang}`);
        await page.locator('h1').first().waitFor();
        await page.waitForLoadState('networkidle');
        expect(await page.locator('html').getAttribute('dir')).toBe(lang === 'ar' ? 'rtl' : 'ltr');
        await expectAccessible(page);
        await expectNoHorizontalScroll(page);
        await screenshot(page, `portal-demo-${path.replace(/\//g, '_')}-${lang}`);
      }
      await page.context().close();
    },
  );
});
