import { eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { outboxMessage } from '../domain/notifications/notifications.table.ts';
import { participant } from '../domain/participants/index.ts';
import { createTestApp, demoEmail } from './testing/test-app.ts';

// A plan that waits for the participant's agreement: they hear of it once, in their language, with a link and
// nothing of the plan itself (goals and steps can name health or other special-category data).
let t: Awaited<ReturnType<typeof createTestApp>>;
type Headers = { cookie: string; origin: string };
let coach: Headers;
let self: Headers;
let trajectoryId: string;
let participantId: string;
beforeAll(async () => {
  t = await createTestApp();
  coach = await t.loginAs(demoEmail('coach'));
  self = await t.loginAs(demoEmail('participant'));
  const portal = (await t.app.inject({ method: 'GET', url: '/api/portal', headers: self })).json() as {
    participantId: string;
    trajectory: { id: string };
  };
  trajectoryId = portal.trajectory.id;
  participantId = portal.participantId;
});
afterAll(() => t.close());

const planUrl = () => `/api/trajectories/${trajectoryId}/plan`;
type Plan = { version: number; goals: object[]; steps: object[]; isWaitingForAgreement: boolean };
const readPlan = async () =>
  (await t.app.inject({ method: 'GET', url: planUrl(), headers: coach })).json() as Plan;
async function agree() {
  const plan = await readPlan();
  if (!plan.isWaitingForAgreement) return;
  const agreed = await t.app.inject({
    method: 'POST',
    url: `${planUrl()}/agreement`,
    headers: self,
    payload: { version: plan.version },
  });
  expect(agreed.statusCode).toBe(200);
}
async function saveWithGoal(target: string) {
  const plan = await readPlan();
  const saved = await t.app.inject({
    method: 'PUT',
    url: planUrl(),
    headers: coach,
    payload: {
      baseVersion: plan.version,
      goals: [...plan.goals, { id: crypto.randomUUID(), kind: 'work', target, dueOn: null }],
      steps: plan.steps.map(({ status: _status, ...s }: { status?: string }) => s),
    },
  });
  expect(saved.statusCode).toBe(200);
}
/** The outbox's last id: messages after it are the ones this step sent. */
const mark = async () => {
  const rows = await t.db.select({ id: outboxMessage.id }).from(outboxMessage);
  return Math.max(0, ...rows.map((r) => r.id));
};
const sentSince = async (since: number) =>
  t.db.select().from(outboxMessage).where(gt(outboxMessage.id, since));

it('tells the participant in Arabic once the plan waits, with a link and without the plan content', async () => {
  await agree();
  const since = await mark();
  await saveWithGoal('Fysiotherapie voor de rugklachten');
  const sent = await sentSince(since);
  expect(sent).toHaveLength(1);
  const [notice] = sent;
  expect(notice!.channel).toBe('email');
  expect(notice!.recipient).toBe(demoEmail('participant'));
  expect(notice!.subject).toBe('خطتك جاهزة');
  expect(notice!.body).toContain('مرحبًا Yonas Tesfay،');
  expect(notice!.body).toContain('http://opstap.test/');
  expect(notice!.body).not.toMatch(/Fysiotherapie|rugklachten/);
  // A second save before they looked: no second message.
  const again = await mark();
  await saveWithGoal('Nog een doel');
  expect(await sentSince(again)).toHaveLength(0);
});

it('uses the language the participant prefers now, and SMS when that is how they like to be reached', async () => {
  await t.db
    .update(participant)
    .set({ preferredLanguage: 'en', contactChannel: 'sms', phone: '0611122233' })
    .where(eq(participant.id, participantId));
  await agree();
  const since = await mark();
  await saveWithGoal('Afspraak bij de huisarts over de medicijnen');
  const sent = await sentSince(since);
  expect(sent).toHaveLength(1);
  expect(sent[0]).toMatchObject({ channel: 'sms', recipient: '0611122233' });
  expect(sent[0]!.body).toContain('Hello Yonas Tesfay');
  expect(sent[0]!.body).toContain('Read it and say if you agree');
  expect(sent[0]!.body).not.toMatch(/huisarts|medicijnen/);
});
