import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, demoEmail } from './testing/test-app.ts';

// Fired at the same moment. On a PostgreSQL server (TEST_DATABASE_URL, CI's second pass) these requests really
// overlap on several connections; on PGlite they take turns, and the answers must be the same.
let t: Awaited<ReturnType<typeof createTestApp>>;
let coach: Record<string, string>;
type CaseloadItem = { participantId: string; trajectoryId: string; status: string };
let active: CaseloadItem[];
beforeAll(async () => {
  t = await createTestApp();
  coach = await t.loginAs(demoEmail('coach'));
  const caseload = await t.app.inject({ method: 'GET', url: '/api/caseload', headers: coach });
  active = (caseload.json().items as CaseloadItem[]).filter((i) => i.status === 'active');
  expect(active.length).toBeGreaterThanOrEqual(2);
});
afterAll(() => t.close());

const at = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: coach, ...(payload ? { payload } : {}) });
const statuses = (answers: { statusCode: number }[]) => answers.map((a) => a.statusCode).sort();

it('six saves of one profile from the same version: one is kept, five get 409', async () => {
  const id = active[0]!.participantId;
  const file = (await at('GET', `/api/participants/${id}`)).json().file as { version: number };
  const answers = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      at('PATCH', `/api/participants/${id}`, { version: file.version, permitName: `Naam ${i}` }),
    ),
  );
  expect(statuses(answers)).toEqual([200, 409, 409, 409, 409, 409]);
  const after = (await at('GET', `/api/participants/${id}`)).json().file as {
    version: number;
    permitName: string;
  };
  expect(after.version).toBe(file.version + 1);
  const winner = answers.find((a) => a.statusCode === 200)!.json().file.permitName;
  expect(after.permitName).toBe(winner);
});

it('six plan saves from the same base version: one new version, five conflicts, no 500', async () => {
  const id = active[0]!.trajectoryId;
  const plan = (await at('GET', `/api/trajectories/${id}/plan`)).json() as { version: number };
  const answers = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      at('PUT', `/api/trajectories/${id}/plan`, {
        baseVersion: plan.version,
        goals: [{ id: crypto.randomUUID(), kind: 'work', target: `Werk in de zorg ${i}`, dueOn: null }],
        steps: [],
      }),
    ),
  );
  expect(statuses(answers)).toEqual([200, 409, 409, 409, 409, 409]);
  for (const refused of answers.filter((a) => a.statusCode === 409))
    expect(refused.json().error.code).toBe('plan.version_conflict');
  expect((await at('GET', `/api/trajectories/${id}/plan`)).json().version).toBe(plan.version + 1);
});

it('complete and stop at the same moment: only one of them happens', async () => {
  const id = active[1]!.trajectoryId;
  const on = t.clock.now().toISOString().slice(0, 10);
  const answers = await Promise.all([
    at('POST', `/api/trajectories/${id}/status`, { action: 'complete', on }),
    at('POST', `/api/trajectories/${id}/status`, { action: 'stop', on, reason: 'moved_away' }),
  ]);
  expect(statuses(answers)).toEqual([200, 409]);
  const winner = answers.find((a) => a.statusCode === 200)!.json().file.trajectory?.status;
  const file = (await at('GET', `/api/participants/${active[1]!.participantId}`)).json().file;
  const latest = file.trajectory ?? file.earlierTrajectories[0];
  expect(['completed', 'stopped']).toContain(latest.status);
  if (winner) expect(latest.status).toBe(winner);
});
