// A module adds to views it does not own (the timeline, the coach's "today" list, the portal home) through the
// contributions registry, without editing the trajectories module: here a stand-in module does all three.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Contributions } from '../domain/context.ts';
import { moduleContributions } from './modules.ts';
import { createTestApp, demoEmail } from './testing/test-app.ts';

const seen: { timeline: string[]; today: string[][] } = { timeline: [], today: [] };
const standIn: Contributions = {
  timeline: [
    ...moduleContributions.timeline,
    async (_tx, on) => {
      seen.timeline.push(on.participantId);
      return [
        {
          kind: 'stand_in',
          at: '2026-03-01',
          title: 'stand_in.present',
          text: 'Training 3',
          byId: null,
          data: { session: 3 },
        },
      ];
    },
  ],
  today: [
    ...moduleContributions.today,
    async (_tx, on) => {
      seen.today.push(on.trajectoryIds);
      return on.trajectoryIds.slice(0, 1).map((trajectoryId) => ({
        trajectoryId,
        reason: 'session_missed',
        detail: 'Training 3',
      }));
    },
  ],
  portal: [
    ...moduleContributions.portal,
    async (_tx, on) =>
      on.trajectoryId
        ? [{ kind: 'stand_in', title: 'stand_in.next', at: '2026-03-09', text: 'Training 4', link: null }]
        : [],
  ],
};

let t: Awaited<ReturnType<typeof createTestApp>>;
let as: Record<'coach' | 'participant', Awaited<ReturnType<typeof t.loginAs>>>;
beforeAll(async () => {
  t = await createTestApp({ contributions: standIn });
  as = { coach: await t.loginAs(demoEmail('coach')), participant: await t.loginAs(demoEmail('participant')) };
});
afterAll(() => t.close());
const get = (url: string, headers: (typeof as)['coach']) => t.app.inject({ method: 'GET', url, headers });

describe('contributions from other modules', () => {
  it('puts their lines on the timeline, next to the language levels of the participants module', async () => {
    const portal = (await get('/api/portal', as.participant)).json();
    const timeline = (await get(`/api/participants/${portal.participantId}/timeline`, as.participant)).json();
    const kinds = new Set(timeline.items.map((i: { kind: string }) => i.kind));
    expect(kinds.has('stand_in')).toBe(true);
    expect(kinds.has('language')).toBe(true);
    const only = (
      await get(`/api/participants/${portal.participantId}/timeline?kind=stand_in`, as.participant)
    )
      .json()
      .items.map((i: { title: string }) => i.title);
    expect(only).toEqual(['stand_in.present']);
    expect(seen.timeline).toContain(portal.participantId);
  });

  it("adds reasons to the coach's today list only for trajectories in the caseload", async () => {
    const caseload = (await get('/api/caseload', as.coach)).json();
    const mine = new Set(caseload.items.map((i: { trajectoryId: string }) => i.trajectoryId));
    expect(seen.today.at(-1)!.every((id) => mine.has(id))).toBe(true);
    expect(caseload.today.filter((i: { reason: string }) => i.reason === 'session_missed')).toHaveLength(1);
  });

  it('shows their cards on the portal home', async () => {
    const portal = (await get('/api/portal', as.participant)).json();
    expect(portal.cards.filter((c: { kind: string }) => c.kind === 'stand_in')).toEqual([
      { kind: 'stand_in', title: 'stand_in.next', at: '2026-03-09', text: 'Training 4', link: null },
    ]);
  });

  it('refuses a kind that is not a lower-case key', async () => {
    const portal = (await get('/api/portal', as.participant)).json();
    const bad = await get(
      `/api/participants/${portal.participantId}/timeline?kind=Drop%20table`,
      as.participant,
    );
    expect(bad.statusCode).toBe(400);
  });
});
