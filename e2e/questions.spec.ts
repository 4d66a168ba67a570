// A question and its answer in a real browser, on a 360 px phone, in Dutch and in Arabic: the demo participant
// asks a question in the portal, the demo coach finds it on 'today', answers it in the file and closes it, and the
// participant reads the answer in the portal.
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
const participant = 'participant@demo.opstap.nl';
const coach = 'coach@demo.opstap.nl';

const check = (page: Page, lang: 'nl' | 'ar', name: string) =>
  checkPage(page, dirOf(lang), `questions-${lang}-${name}`);

describe.each(['nl', 'ar'] as const)('a question and its answer, at 360 px (%s)', (lang) => {
  const t = texts[lang];
  const run = Date.now() % 100000;
  const question =
    lang === 'ar'
      ? `هل يمكنني تغيير موعد الأسبوع القادم؟ ${run}`
      : `Mag ik de afspraak van volgende week verzetten? ${run}`;
  const answer = lang === 'ar' ? `نعم، اتصل بي يوم الاثنين. ${run}` : `Ja, bel mij maandag even. ${run}`;

  it('the participant asks a question in the portal', async () => {
    const page = await openPage(browser, phone);
    await logIn(page, participant, lang);
    await page.goto(`/my/question?lang=${lang}`);
    await check(page, lang, '1-ask');
    // Sending nothing says what to do, next to the field.
    await page.getByRole('button', { name: t.portal.send, exact: true }).click();
    await page.getByText(t.portal.questionEmpty).first().waitFor();
    await page.getByLabel(t.portal.questionLabel).fill(question);
    await page.getByRole('button', { name: t.portal.send, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: t.portal.questionSentTitle }).waitFor();
    await page.getByText(t.portal.questionNotice).waitFor();
    await check(page, lang, '2-sent');
    await page.getByRole('link', { name: t.portal.backHome }).click();
    const mine = page.getByTestId('my-questions').locator('li', { hasText: question });
    await mine.waitFor();
    await mine.getByText(t.portal.questionState.waiting).waitFor();
    await check(page, lang, '3-home-waiting');
    await page.context().close();
  });

  it('the coach finds it on today, answers it in the file and closes it', async () => {
    const page = await openPage(browser, phone);
    await logIn(page, coach, lang);
    await page.goto(`/caseload?lang=${lang}`);
    const today = page.getByTestId('today-list').locator('li', { hasText: question });
    await today.waitFor();
    await check(page, lang, '4-caseload');
    await today.getByRole('link').click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'coaching' && url.hash === '#questions');
    const item = page.getByTestId('question-list').locator('li', { hasText: question });
    await item.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('questions-title');
    await check(page, lang, '5-file-question');

    await item.getByLabel(t.questions.answer).fill(answer);
    await item.getByRole('button', { name: t.questions.send, exact: true }).click();
    await item.getByText(t.questions.answerSent).waitFor();
    await item.getByText(answer).waitFor();
    await item.getByText(t.questions.state.answered, { exact: true }).waitFor();
    await check(page, lang, '6-file-answered');

    await item.getByRole('button', { name: t.questions.close, exact: true }).click();
    await page.getByText(t.questions.closedDone).waitFor();
    const closed = page.getByTestId('question-list').locator('li', { hasText: question });
    await closed.getByText(t.questions.state.closed, { exact: true }).waitFor();
    expect(await closed.getByRole('button', { name: t.questions.close, exact: true }).count()).toBe(0);
    await check(page, lang, '7-file-closed');
    await page.context().close();
  });

  it('the participant reads the answer in the portal', async () => {
    const page = await openPage(browser, phone);
    await logIn(page, participant, lang);
    await page.goto(`/?lang=${lang}`);
    const mine = page.getByTestId('my-questions').locator('li', { hasText: question });
    await mine.getByText(answer).waitFor();
    await mine.getByText(t.portal.questionState.closed).waitFor();
    await check(page, lang, '8-home-answered');
    await page.context().close();
  });
});
