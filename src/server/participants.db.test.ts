import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUser, roleAssignment, toRoleRows } from '../domain/access/index.ts';
import { outboxMessage } from '../domain/notifications/notifications.table.ts';
import { region } from '../domain/organisation/index.ts';
import { createTestApp, demoEmail, origin } from './testing/test-app.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
type Headers = { cookie: string; origin: string };
let as: Record<
  'municipality' | 'coach' | 'coach2' | 'regional' | 'national' | 'participant' | 'admin',
  Headers
>;
beforeAll(async () => {
  t = await createTestApp();
  as = {
    municipality: await t.loginAs(demoEmail('municipality')),
    coach: await t.loginAs(demoEmail('coach')),
    coach2: await t.loginAs(demoEmail('coach2')),
    regional: await t.loginAs(demoEmail('regional')),
    national: await t.loginAs(demoEmail('national')),
    participant: await t.loginAs(demoEmail('participant')),
    admin: await t.loginAs(demoEmail('admin')),
  };
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, headers: Headers, payload?: object) =>
  t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
const today = () => t.clock.now().toISOString().slice(0, 10);
const referral = (overrides: object = {}) => ({
  name: 'Hana Yusuf',
  dateOfBirth: '1993-05-04',
  municipalityCode: 'GM0344',
  preferredLanguage: 'ar',
  referredOn: today(),
  referrerKind: 'municipality',
  motivation: 'Wil aan het werk in de zorg.',
  ...overrides,
});
async function findByName(name: string, headers = as.national) {
  const list = await call('GET', `/api/participants?q=${encodeURIComponent(name)}`, headers);
  return list.json().items[0] as { id: string; trajectoryId: string; name: string };
}

describe('referral', () => {
  it('municipality staff refer a resident; a likely duplicate gets a warning that links the existing file', async () => {
    const first = await call('POST', '/api/participants', as.municipality, referral());
    expect(first.statusCode).toBe(201);
    const again = await call(
      'POST',
      '/api/participants',
      as.municipality,
      referral({ name: 'Hanna Youssef' }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('participant.possible_duplicate');
    expect(again.json().error.details.existing[0].id).toBe(first.json().participantId);
    const confirmed = await call(
      'POST',
      '/api/participants',
      as.municipality,
      referral({ name: 'Hanna Youssef', confirmNotDuplicate: true }),
    );
    expect(confirmed.statusCode).toBe(201);
  });

  it('refuses a BSN pasted into the motivation, and writes nothing', async () => {
    const response = await call(
      'POST',
      '/api/participants',
      as.municipality,
      referral({ name: 'Nieuwe Persoon', motivation: 'BSN 111222333' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'privacy.bsn_refused',
      details: [{ field: 'body.motivation' }],
    });
    expect((await call('GET', '/api/participants?q=Nieuwe', as.national)).json().items).toHaveLength(0);
  });

  it('refuses a referral date in the future, naming the field', async () => {
    const response = await call(
      'POST',
      '/api/participants',
      as.municipality,
      referral({ name: 'Later Persoon', referredOn: '2030-01-01' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'request.date_out_of_range',
      details: { field: 'referredOn' },
    });
  });

  it('asks the preferred language: none, or one the portal does not speak, is refused naming the field', async () => {
    const { preferredLanguage: _, ...withoutLanguage } = referral({ name: 'Zonder Taal' });
    for (const body of [withoutLanguage, referral({ name: 'Koerdische Taal', preferredLanguage: 'ku' })]) {
      const response = await call('POST', '/api/participants', as.municipality, body);
      expect(response.statusCode).toBe(400);
      expect(JSON.stringify(response.json().error)).toContain('preferredLanguage');
    }
    expect((await call('GET', '/api/participants?q=Taal', as.national)).json().items).toHaveLength(0);
    const tigrinya = await call(
      'POST',
      '/api/participants',
      as.national,
      referral({
        name: 'Selam Tekle',
        dateOfBirth: '1997-01-02',
        preferredLanguage: 'ti',
        referrerKind: 'lead',
      }),
    );
    expect(tigrinya.statusCode).toBe(201);
  });

  it('municipality staff may not refer for another municipality', async () => {
    const response = await call(
      'POST',
      '/api/participants',
      as.municipality,
      referral({ name: 'Ander Persoon', municipalityCode: 'GM0307' }),
    );
    expect(response.statusCode).toBe(403);
  });

  it('municipality staff see only the phase (and coach) of the referrals they made', async () => {
    const list = (await call('GET', '/api/participants', as.municipality)).json().items;
    expect(list.map((p: { name: string }) => p.name).sort()).toEqual([
      'Amina Haidari',
      'Hana Yusuf',
      'Hanna Youssef',
    ]);
    expect(list.every((p: { dateOfBirth: unknown }) => p.dateOfBirth === null)).toBe(true);
    const file = await call('GET', `/api/participants/${list[0].id}`, as.municipality);
    expect(file.json().kind).toBe('referral_status');
    expect(Object.keys(file.json().file).sort()).toEqual([
      'coachName',
      'correction',
      'id',
      'municipalityName',
      'name',
      'referredOn',
      'status',
    ]);
    const yonas = await findByName('Yonas');
    expect((await call('GET', `/api/participants/${yonas.id}`, as.municipality)).statusCode).toBe(404);
  });
});

describe('notices to staff', () => {
  it('a referral tells the regional lead, and assigning a coach tells the coach; no name in either mail', async () => {
    const mailsTo = async (email: string) =>
      t.db.select().from(outboxMessage).where(eq(outboxMessage.recipient, email));
    const leadBefore = (await mailsTo(demoEmail('regional'))).length;
    const referred = await call('POST', '/api/participants', as.municipality, {
      ...referral({ name: 'Samir Haddad', dateOfBirth: '1988-02-02' }),
    });
    expect(referred.statusCode).toBe(201);
    const leadMails = await mailsTo(demoEmail('regional'));
    expect(leadMails).toHaveLength(leadBefore + 1);
    const notice = leadMails.at(-1)!;
    expect(notice.body).toContain(`/participants/${referred.json().participantId}`);
    expect(notice.body).not.toContain('Samir');

    const coachBefore = (await mailsTo(demoEmail('coach2'))).length;
    const coaches = (await call('GET', '/api/coaches', as.regional)).json().items;
    const mirjam = coaches.find((c: { displayName: string }) => c.displayName === 'Mirjam Kok');
    const assigned = await call(
      'PUT',
      `/api/trajectories/${referred.json().trajectoryId}/coach`,
      as.regional,
      {
        coachId: mirjam.id,
      },
    );
    expect(assigned.statusCode).toBe(200);
    const coachMails = await mailsTo(demoEmail('coach2'));
    expect(coachMails).toHaveLength(coachBefore + 1);
    expect(coachMails.at(-1)!.body).not.toContain('Samir');
  });
});

describe('portal invitation', () => {
  it('says invited until the link is used, and can be sent again to a corrected address', async () => {
    const referred = await call('POST', '/api/participants', as.national, {
      ...referral({ name: 'Lemlem Tesfaye', dateOfBirth: '1990-09-09', referrerKind: 'lead' }),
    });
    const id = referred.json().participantId;
    const created = await call('POST', `/api/participants/${id}/portal-account`, as.national, {
      email: 'lemlem@exampel.org',
    });
    expect(created.json().file.portalAccount).toMatchObject({
      email: 'lemlem@exampel.org',
      status: 'invited',
    });
    const again = await call('PUT', `/api/participants/${id}/portal-account`, as.national, {
      email: 'lemlem@example.org',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().file.portalAccount).toMatchObject({ email: 'lemlem@example.org', status: 'invited' });
    const mails = await t.db
      .select()
      .from(outboxMessage)
      .where(eq(outboxMessage.recipient, 'lemlem@example.org'));
    expect(mails).toHaveLength(1);
    const token = /token=([A-Za-z0-9_-]+)/.exec(mails[0]!.body)![1]!;
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      headers: { origin },
      payload: { token, password: 'een eigen lange zin' },
    });
    expect(accepted.statusCode).toBe(200);
    const file = (await call('GET', `/api/participants/${id}`, as.national)).json().file;
    expect(file.portalAccount.status).toBe('active');
    const late = await call('PUT', `/api/participants/${id}/portal-account`, as.national, {
      email: 'lemlem@example.org',
    });
    expect(late.statusCode).toBe(409);
  });
});

describe('who sees which file', () => {
  it("coach A cannot read or change coach B's participant", async () => {
    const rania = await findByName('Rania'); // coach2's
    expect((await call('GET', `/api/participants/${rania.id}`, as.coach)).statusCode).toBe(404);
    expect((await call('GET', `/api/participants/${rania.id}`, as.coach2)).statusCode).toBe(200);
    const change = await call('PATCH', `/api/participants/${rania.id}`, as.coach, {
      version: 1,
      phone: '0612345678',
    });
    expect(change.statusCode).toBe(404);
    const coachList = (await call('GET', '/api/participants', as.coach))
      .json()
      .items.map((p: { name: string }) => p.name);
    expect(coachList).toContain('Yonas Tesfay');
    expect(coachList).not.toContain('Rania Al-Khatib');
  });

  it('a participant sees only their own file', async () => {
    const yonas = await findByName('Yonas');
    const rania = await findByName('Rania');
    const own = await call('GET', `/api/participants/${yonas.id}`, as.participant);
    expect(own.statusCode).toBe(200);
    expect(own.json().file.nationality).toBe('ER');
    expect((await call('GET', `/api/participants/${rania.id}`, as.participant)).statusCode).toBe(404);
    expect(
      (await call('GET', `/api/trajectories/${rania.trajectoryId}/plan`, as.participant)).statusCode,
    ).toBe(404);
  });

  it('every read of a file is in the audit log with the participant', async () => {
    const yonas = await findByName('Yonas');
    await call('GET', `/api/participants/${yonas.id}`, as.coach);
    const log = await call('GET', `/api/audit?participantId=${yonas.id}&action=read`, as.admin);
    expect(log.json().items.some((e: { actorName: string }) => e.actorName === 'Joost Verhoeven')).toBe(true);
  });

  it('a list records which participants it showed, so "who saw whom" includes lists', async () => {
    const yonas = await findByName('Yonas');
    await call('GET', '/api/caseload', as.coach);
    const log = await call('GET', `/api/audit?participantId=${yonas.id}&action=list`, as.admin);
    const lists = log.json().items as { actorName: string; detail: { participantIds: string[] } }[];
    expect(lists.length).toBeGreaterThan(0);
    expect(lists.every((e) => e.detail.participantIds.includes(yonas.id))).toBe(true);
    expect(lists.some((e) => e.actorName === 'Joost Verhoeven')).toBe(true);
  });

  it('search tolerates spelling variants of transliterated names', async () => {
    for (const spelling of ['Muhammad', 'Mohamed', 'mohammed al hasan'])
      expect((await findByName(spelling, as.regional))?.name).toBe('Mohammed Al-Hassan');
  });
});

describe('trajectory from referral to an agreed plan', () => {
  let participantId: string;
  let trajectoryId: string;

  it('cannot start straight from referral, nor without an active partnership', async () => {
    const created = await call(
      'POST',
      '/api/participants',
      as.regional,
      referral({ name: 'Samir Darwish', municipalityCode: 'GM0355', referrerKind: 'lead' }),
    );
    ({ participantId, trajectoryId } = created.json());
    expect(
      (
        await call('POST', `/api/trajectories/${trajectoryId}/status`, as.regional, {
          action: 'start',
          on: today(),
        })
      ).json().error.code,
    ).toBe('trajectory.transition_not_allowed');
    await call('POST', `/api/trajectories/${trajectoryId}/status`, as.regional, {
      action: 'start_intake',
      on: today(),
    });
    const noCoach = await call('POST', `/api/trajectories/${trajectoryId}/status`, as.regional, {
      action: 'start',
      on: today(),
    });
    // Zeist has only a draft partnership: that is checked first and named in the answer.
    expect(noCoach.statusCode).toBe(409);
    expect(noCoach.json().error).toMatchObject({
      code: 'trajectory.partnership_required',
      details: { municipalityName: 'Zeist' },
    });
  });

  it('runs in Utrecht: coach assigned, intake, plan, start, portal account, agreement', async () => {
    const created = await call(
      'POST',
      '/api/participants',
      as.municipality,
      referral({ name: 'Nadia Rahimi', dateOfBirth: '1996-07-07', preferredLanguage: 'ar' }),
    );
    ({ participantId, trajectoryId } = created.json());
    const noCoach = await call('POST', `/api/trajectories/${trajectoryId}/status`, as.regional, {
      action: 'start_intake',
      on: today(),
    });
    expect(noCoach.statusCode).toBe(200);
    expect(
      (
        await call('POST', `/api/trajectories/${trajectoryId}/status`, as.regional, {
          action: 'start',
          on: today(),
        })
      ).json().error.code,
    ).toBe('trajectory.coach_required');
    const coaches = (await call('GET', '/api/coaches', as.regional)).json().items;
    const joost = coaches.find((c: { displayName: string }) => c.displayName === 'Joost Verhoeven');
    // A coach of another region may not get this file, even from a national lead.
    const [noord] = await t.db.select().from(region).where(eq(region.code, 'Noord'));
    const [elsewhere] = await t.db
      .insert(appUser)
      .values({ email: 'coach-noord@example.org', displayName: 'Coach Noord' })
      .returning();
    await t.db
      .insert(roleAssignment)
      .values(toRoleRows(elsewhere!.id, [{ role: 'coach', regionId: noord!.id }]));
    const outside = await call('PUT', `/api/trajectories/${trajectoryId}/coach`, as.national, {
      coachId: elsewhere!.id,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].field).toBe('coachId');
    expect(
      (await call('PUT', `/api/trajectories/${trajectoryId}/coach`, as.regional, { coachId: joost.id }))
        .statusCode,
    ).toBe(200);

    const file = (await call('GET', `/api/participants/${participantId}`, as.coach)).json().file;
    const intake = await call('PATCH', `/api/participants/${participantId}`, as.coach, {
      version: file.version,
      nationality: 'SY',
      languages: ['ar', 'ku'],
      constraints: { childcare: true, healthLimitsAvailability: true, healthHoursPerWeek: 20 },
      ambitions: {
        dreamJob: { escoUri: null, text: 'Tandarts' },
        nextStep: { escoUri: null, text: 'Tandartsassistent' },
        sectors: ['care'],
      },
      education: [
        {
          country: 'SY',
          level: 'bachelor',
          field: 'Tandheelkunde',
          years: 5,
          hasDiploma: true,
          valuation: 'requested',
        },
      ],
    });
    expect(intake.statusCode).toBe(200);
    expect(intake.json().file.education[0].field).toBe('Tandheelkunde');
    const stale = await call('PATCH', `/api/participants/${participantId}`, as.coach, {
      version: file.version,
      phone: '0611111111',
    });
    expect(stale.statusCode).toBe(409);

    const goal = { id: crypto.randomUUID(), kind: 'work', target: 'Werk als tandartsassistent', dueOn: null };
    const step = {
      id: crypto.randomUUID(),
      goalId: goal.id,
      text: 'Diploma laten waarderen',
      owner: 'participant',
      dueOn: today(),
    };
    const saved = await call('PUT', `/api/trajectories/${trajectoryId}/plan`, as.coach, {
      baseVersion: 0,
      goals: [goal],
      steps: [step],
    });
    expect(saved.json()).toMatchObject({ version: 1, isWaitingForAgreement: true, agreedVersion: null });

    const started = await call('POST', `/api/trajectories/${trajectoryId}/status`, as.coach, {
      action: 'start',
      on: today(),
    });
    expect(started.statusCode).toBe(200);
    expect(started.json().file.trajectory).toMatchObject({
      status: 'active',
      monthNumber: 1,
      plannedEndOn: '2026-09-02',
    });

    const account = await call('POST', `/api/participants/${participantId}/portal-account`, as.coach, {
      email: 'nadia@example.org',
    });
    expect(account.json().file.hasPortalAccount).toBe(true);
    const [mail] = await t.db
      .select()
      .from(outboxMessage)
      .where(eq(outboxMessage.recipient, 'nadia@example.org'));
    expect(mail!.subject).toBe('حسابك في Opstap');
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail!.body)![1]!;
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/auth/invitation/accept',
      headers: { origin },
      payload: { token, password: 'my own long passphrase' },
    });
    const nadia = { cookie: `opstap_session=${accepted.cookies[0]!.value}`, origin };

    const portal = (await call('GET', '/api/portal', nadia)).json();
    expect(portal.plan.isWaitingForAgreement).toBe(true);
    expect(portal.coach.name).toBe('Joost Verhoeven');
    // The same relations as the access policy: herself, her coach, the confirmed regional lead, the national
    // lead (not by name) and whoever referred her (only the phase).
    expect(portal.whoCanSee).toEqual([
      { who: 'you', name: 'Nadia Rahimi', what: 'everything' },
      { who: 'coach', name: 'Joost Verhoeven', what: 'everything' },
      { who: 'regional_lead', name: 'Hanna de Graaf', what: 'everything' },
      { who: 'national_lead', name: null, what: 'everything' },
      { who: 'referrer', name: expect.any(String), what: 'status_only' },
    ]);
    expect(
      (await call('POST', `/api/trajectories/${trajectoryId}/plan/agreement`, as.coach, { version: 1 }))
        .statusCode,
    ).toBe(403);
    const agreed = await call('POST', `/api/trajectories/${trajectoryId}/plan/agreement`, nadia, {
      version: 1,
    });
    expect(agreed.json()).toMatchObject({ agreedVersion: 1, isWaitingForAgreement: false });
    const done = await call('PUT', `/api/trajectories/${trajectoryId}/steps/${step.id}`, nadia, {
      status: 'done',
    });
    expect(done.json().steps[0].status).toBe('done');

    // A change after agreement waits for agreement again, and shows what changed.
    const changedStep = {
      ...step,
      id: crypto.randomUUID(),
      text: 'Open dag bij een tandartspraktijk',
      dueOn: null,
    };
    const v2 = await call('PUT', `/api/trajectories/${trajectoryId}/plan`, as.coach, {
      baseVersion: 1,
      goals: [goal],
      steps: [step, changedStep],
    });
    expect(v2.json()).toMatchObject({
      version: 2,
      isWaitingForAgreement: true,
      changesSinceAgreed: { steps: { added: [changedStep.id] } },
    });
  });

  it('a second editor on an old version gets 409 with what changed; nothing is overwritten', async () => {
    const plan = (await call('GET', `/api/trajectories/${trajectoryId}/plan`, as.coach)).json();
    const conflict = await call('PUT', `/api/trajectories/${trajectoryId}/plan`, as.regional, {
      baseVersion: 1,
      goals: plan.goals,
      steps: [],
    });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().error).toMatchObject({
      code: 'plan.version_conflict',
      details: { currentVersion: 2 },
    });
    expect((await call('GET', `/api/trajectories/${trajectoryId}/plan`, as.coach)).json().steps).toHaveLength(
      2,
    );
  });

  it('an extension must be later than the current end and is recorded with reason and approver', async () => {
    const notLater = await call('POST', `/api/trajectories/${trajectoryId}/extensions`, as.regional, {
      newEndOn: '2026-09-01',
      reason: 'Meer tijd',
    });
    expect(notLater.json().error).toMatchObject({
      code: 'trajectory.extension_not_later',
      details: { field: 'newEndOn' },
    });
    const extended = await call('POST', `/api/trajectories/${trajectoryId}/extensions`, as.regional, {
      newEndOn: '2026-11-02',
      reason: 'Betaald werk is dichtbij',
    });
    expect(extended.json().file.trajectory.extensions[0]).toMatchObject({
      previousEndOn: '2026-09-02',
      newEndOn: '2026-11-02',
      approvedByName: 'Hanna de Graaf',
    });
  });

  it('coaching records appear in the timeline; the participant does not see team notes', async () => {
    await call('POST', `/api/trajectories/${trajectoryId}/meetings`, as.coach, {
      heldOn: today(),
      durationMinutes: 60,
      mode: 'in_person',
      topics: ['Cv'],
      agreedActions: [{ text: 'Vacatures zoeken', owner: 'participant', dueOn: null }],
    });
    await call('POST', `/api/trajectories/${trajectoryId}/notes`, as.coach, {
      body: 'Alleen voor het team',
      visibility: 'team',
    });
    await call('POST', `/api/trajectories/${trajectoryId}/applications`, as.coach, {
      vacancy: 'Assistent',
      employerName: 'Praktijk Oost',
      appliedOn: today(),
    });
    await call('POST', `/api/trajectories/${trajectoryId}/activities`, as.coach, {
      kind: 'open_day',
      happenedOn: today(),
    });
    const coachView = (await call('GET', `/api/participants/${participantId}/timeline`, as.coach)).json()
      .items;
    expect(new Set(coachView.map((e: { kind: string }) => e.kind))).toEqual(
      new Set(['trajectory', 'plan', 'meeting', 'note', 'application', 'activity']),
    );
    const plan = (await call('GET', `/api/trajectories/${trajectoryId}/plan`, as.coach)).json();
    expect(plan.steps.map((s: { text: string }) => s.text)).toContain('Vacatures zoeken');
    const meetings = (
      await call('GET', `/api/participants/${participantId}/timeline?kind=meeting`, as.coach)
    ).json().items;
    expect(meetings).toHaveLength(1);
  });

  it('stopping early because of work counts as a positive exit; a new trajectory can follow', async () => {
    const stopped = await call('POST', `/api/trajectories/${trajectoryId}/status`, as.coach, {
      action: 'stop',
      on: today(),
      reason: 'found_work',
    });
    expect(stopped.json().file.earlierTrajectories[0]).toMatchObject({
      status: 'stopped',
      isEarlyPositiveExit: true,
    });
    const again = await call('POST', `/api/trajectories/${trajectoryId}/status`, as.coach, {
      action: 'complete',
      on: today(),
    });
    expect(again.json().error.code).toBe('trajectory.transition_not_allowed');
    // Aftercare: the coach still logs contacts and notes, but nothing that changes the plan.
    const call1 = await call('POST', `/api/trajectories/${trajectoryId}/meetings`, as.coach, {
      heldOn: today(),
      durationMinutes: 15,
      mode: 'phone',
      summary: 'Eerste werkweek gaat goed.',
    });
    expect(call1.statusCode).toBe(201);
    const noted = await call('POST', `/api/trajectories/${trajectoryId}/notes`, as.coach, {
      body: 'Nazorg: bellen na een maand.',
      visibility: 'team',
    });
    expect(noted.statusCode).toBe(201);
    const withSteps = await call('POST', `/api/trajectories/${trajectoryId}/meetings`, as.coach, {
      heldOn: today(),
      durationMinutes: 15,
      mode: 'phone',
      agreedActions: [{ text: 'Nieuwe stap', owner: 'participant', dueOn: null }],
    });
    expect(withSteps.json().error.code).toBe('trajectory.not_active');
    const reopened = await call('POST', `/api/participants/${participantId}/trajectories`, as.regional, {
      referredOn: today(),
      referrerKind: 'lead',
    });
    expect(reopened.json().file.trajectory.status).toBe('referred');
    expect(reopened.json().file.earlierTrajectories).toHaveLength(1);
    const twice = await call('POST', `/api/participants/${participantId}/trajectories`, as.regional, {
      referredOn: today(),
      referrerKind: 'lead',
    });
    expect(twice.json().error.code).toBe('trajectory.already_open');
  });
});

describe('caseload', () => {
  it("shows a coach's participants with month, plan agreement and a today list", async () => {
    const caseload = (await call('GET', '/api/caseload', as.coach)).json();
    const yonas = caseload.items.find((i: { name: string }) => i.name === 'Yonas Tesfay');
    expect(yonas).toMatchObject({
      status: 'active',
      monthNumber: 5,
      trajectoryMonths: 6,
      isPlanWaitingForAgreement: true,
    });
    expect(caseload.items.every((i: { coachName: string }) => i.coachName === 'Joost Verhoeven')).toBe(true);
    expect(
      caseload.today.some(
        (i: { reason: string; name: string }) => i.reason === 'plan_not_agreed' && i.name === 'Yonas Tesfay',
      ),
    ).toBe(true);
    const filtered = (await call('GET', '/api/caseload?filter=not_agreed', as.coach)).json().items;
    expect(filtered.every((i: { isPlanWaitingForAgreement: boolean }) => i.isPlanWaitingForAgreement)).toBe(
      true,
    );
  });

  it("a coach cannot read another coach's caseload; the regional lead sees every coach's workload", async () => {
    const coaches = (await call('GET', '/api/coaches', as.regional)).json().items;
    const mirjam = coaches.find((c: { displayName: string }) => c.displayName === 'Mirjam Kok');
    expect((await call('GET', `/api/caseload?coachId=${mirjam.id}`, as.coach)).statusCode).toBe(403);
    const hers = (await call('GET', `/api/caseload?coachId=${mirjam.id}`, as.regional)).json().items;
    expect(hers.map((i: { name: string }) => i.name)).toContain('Rania Al-Khatib');
    const workload = (await call('GET', '/api/caseload/workload', as.regional)).json().items;
    expect(workload.map((w: { coachName: string }) => w.coachName).sort()).toEqual([
      'Joost Verhoeven',
      'Mirjam Kok',
    ]);
    // Counted in SQL, the workload agrees with the caseload the lead sees, coach by coach.
    type Item = { coachId: string; status: string; overdueSteps: number; isPlanWaitingForAgreement: boolean };
    const region: Item[] = (await call('GET', '/api/caseload', as.regional)).json().items;
    for (const w of workload) {
      const theirs = region.filter((i) => i.coachId === w.coachId);
      expect(w).toMatchObject({
        open: theirs.length,
        active: theirs.filter((i) => i.status === 'active').length,
        overdueSteps: theirs.reduce((sum, i) => sum + i.overdueSteps, 0),
        notAgreed: theirs.filter((i) => i.isPlanWaitingForAgreement).length,
      });
    }
    expect(
      workload.some((w: { overdueSteps: number; notAgreed: number }) => w.overdueSteps + w.notAgreed > 0),
    ).toBe(true);
  });
});

describe('questions get answers', () => {
  it('the participant asks, the coach answers, the participant reads it; then it is closed', async () => {
    const portal = (await call('GET', '/api/portal', as.participant)).json();
    const trajectoryId = portal.trajectory.id;
    const asked = await call('POST', `/api/trajectories/${trajectoryId}/questions`, as.participant, {
      body: 'Mag ik mijn stage bij de bakker doen?',
    });
    expect(asked.statusCode).toBe(201);
    const questionId = asked.json().id;
    const today = (await call('GET', '/api/caseload', as.coach)).json().today;
    expect(today).toContainEqual(
      expect.objectContaining({ reason: 'question', detail: 'Mag ik mijn stage bij de bakker doen?' }),
    );

    // Another coach's participant: the question does not exist for coach2.
    expect(
      (await call('POST', `/api/questions/${questionId}/answers`, as.coach2, { body: 'Ja' })).statusCode,
    ).toBe(404);
    const answered = await call('POST', `/api/questions/${questionId}/answers`, as.coach, {
      body: 'Ja, dat kan. We bespreken het donderdag.',
    });
    expect(answered.statusCode).toBe(201);
    const forCoach = (await call('GET', `/api/trajectories/${trajectoryId}/questions`, as.coach)).json()
      .items;
    expect(forCoach[0]).toMatchObject({ id: questionId, answers: [{ byName: 'Joost Verhoeven' }] });
    const mine = (await call('GET', '/api/portal', as.participant)).json().questions;
    expect(mine[0]).toMatchObject({
      id: questionId,
      closedAt: null,
      answers: [{ body: 'Ja, dat kan. We bespreken het donderdag.', byName: 'Joost Verhoeven' }],
    });
    // The notice says there is an answer, in the participant's language, never what it is.
    const [notice] = await t.db
      .select()
      .from(outboxMessage)
      .where(eq(outboxMessage.recipient, demoEmail('participant')));
    expect(notice!.body).not.toContain('donderdag');
    expect(notice!.body).toContain('Opstap');
    const afterAnswer = (await call('GET', '/api/caseload', as.coach)).json().today;
    expect(afterAnswer.some((i: { detail: string }) => i.detail?.startsWith('Mag ik mijn stage'))).toBe(
      false,
    );
    const timeline = (
      await call('GET', `/api/participants/${portal.participantId}/timeline?kind=question`, as.participant)
    ).json();
    expect(timeline.items.map((i: { title: string }) => i.title)).toContain('question.answered');

    expect((await call('POST', `/api/questions/${questionId}/close`, as.coach)).statusCode).toBe(200);
    const closedAgain = await call('POST', `/api/questions/${questionId}/close`, as.coach);
    expect(closedAgain.statusCode).toBe(409);
    expect(closedAgain.json().error.code).toBe('question.closed');
    const late = await call('POST', `/api/questions/${questionId}/answers`, as.coach, { body: 'Nog iets' });
    expect(late.json().error.code).toBe('question.closed');
    expect((await call('GET', '/api/portal', as.participant)).json().questions[0].answers).toHaveLength(1);
  });

  it('a participant cannot answer, and an answer needs words', async () => {
    const portal = (await call('GET', '/api/portal', as.participant)).json();
    const asked = await call('POST', `/api/trajectories/${portal.trajectory.id}/questions`, as.participant, {
      body: 'Waar is de training?',
    });
    const id = asked.json().id;
    expect(
      (await call('POST', `/api/questions/${id}/answers`, as.participant, { body: 'x' })).statusCode,
    ).toBe(403);
    const empty = await call('POST', `/api/questions/${id}/answers`, as.coach, { body: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].field).toBe('body.body');
  });
});

describe('CV and occupations', () => {
  it('builds the CV from the profile for the participant themself', async () => {
    const yonas = await findByName('Yonas');
    const cv = (await call('GET', `/api/participants/${yonas.id}/cv`, as.participant)).json();
    expect(cv).toMatchObject({ name: 'Yonas Tesfay', ambition: 'Hulpkok' });
    expect(cv.activities[0].kind).toBe('cv_made');
  });

  it('finds occupations by Dutch, English and alternative labels', async () => {
    const kapper = (await call('GET', '/api/occupations?q=kapper', as.coach)).json().items;
    expect(kapper.length).toBeGreaterThan(0);
    const cook = (await call('GET', '/api/occupations?q=cook', as.coach)).json().items;
    expect(cook.some((o: { labelEn: string }) => /cook/i.test(o.labelEn))).toBe(true);
  });
});
