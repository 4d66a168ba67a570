import { inArray } from 'drizzle-orm';
import { nameKey } from '../../shared/names.ts';
import type { Db, Tx } from '../../domain/db.ts';
import { appUser } from '../../domain/access/index.ts';
import { education, languageLevel, participant, workExperience } from '../../domain/participants/index.ts';
import {
  activity,
  addDays,
  addMonths,
  coachAssignment,
  jobApplication,
  meeting,
  note,
  planVersion,
  stepProgress,
  trajectory,
  type PlanGoal,
  type PlanStep,
} from '../../domain/trajectories/index.ts';

type Phase = 'referred' | 'intake' | 'month2' | 'month5' | 'completed' | 'stopped';
type DemoParticipant = {
  name: string;
  phase: Phase;
  coach: 'coach' | 'coach2' | null;
  municipality: string;
  dateOfBirth: string;
  languages: string[];
  preferredLanguage: string;
  nationality: string;
  login?: string;
  dream: string;
  next: string;
};

// Fictional people. Phases spread over both demo coaches, as the demo needs.
const people: DemoParticipant[] = [
  {
    name: 'Amina Haidari',
    phase: 'referred',
    coach: null,
    municipality: 'GM0344',
    dateOfBirth: '1994-03-12',
    languages: ['fa', 'prs'],
    preferredLanguage: 'fa',
    nationality: 'AF',
    dream: 'Verpleegkundige',
    next: 'Helpende zorg',
  },
  {
    name: 'Mohammed Al-Hassan',
    phase: 'referred',
    coach: null,
    municipality: 'GM0307',
    dateOfBirth: '1988-11-02',
    languages: ['ar'],
    preferredLanguage: 'ar',
    nationality: 'SY',
    dream: 'Elektricien',
    next: 'Magazijnmedewerker',
  },
  {
    name: 'Dawit Haile',
    phase: 'intake',
    coach: 'coach2',
    municipality: 'GM0344',
    dateOfBirth: '1997-06-21',
    languages: ['ti', 'am'],
    preferredLanguage: 'ti',
    nationality: 'ER',
    dream: 'Automonteur',
    next: 'Medewerker bandenservice',
  },
  {
    name: 'Rania Al-Khatib',
    phase: 'month2',
    coach: 'coach2',
    municipality: 'GM0344',
    dateOfBirth: '1990-01-30',
    languages: ['ar', 'en'],
    preferredLanguage: 'ar',
    nationality: 'SY',
    dream: 'Apotheker',
    next: 'Apothekersassistent',
  },
  {
    name: 'Yonas Tesfay',
    phase: 'month5',
    coach: 'coach',
    municipality: 'GM0344',
    dateOfBirth: '1995-09-14',
    languages: ['ti', 'ar'],
    preferredLanguage: 'ar',
    nationality: 'ER',
    login: 'participant@demo.opstap.nl',
    dream: 'Kok',
    next: 'Hulpkok',
  },
  {
    name: 'Farid Noori',
    phase: 'completed',
    coach: 'coach2',
    municipality: 'GM0307',
    dateOfBirth: '1985-04-08',
    languages: ['prs', 'en'],
    preferredLanguage: 'en',
    nationality: 'AF',
    dream: 'Bouwkundig tekenaar',
    next: 'Timmerman',
  },
  {
    name: 'Lina Haddad',
    phase: 'stopped',
    coach: 'coach',
    municipality: 'GM0344',
    dateOfBirth: '1999-12-01',
    languages: ['ar'],
    preferredLanguage: 'ar',
    nationality: 'SY',
    dream: 'Kapper',
    next: 'Kapsalon assistent',
  },
  {
    name: 'Selam Tekle',
    phase: 'month2',
    coach: 'coach',
    municipality: 'GM0307',
    dateOfBirth: '2001-02-17',
    languages: ['ti'],
    preferredLanguage: 'ti',
    nationality: 'ER',
    dream: 'Kinderopvang',
    next: 'Pedagogisch medewerker',
  },
];

const goalsFor = (p: DemoParticipant, start: string): PlanGoal[] => [
  {
    id: crypto.randomUUID(),
    kind: 'work',
    target: `Werk als ${p.next.toLowerCase()}`,
    dueOn: addMonths(start, 6),
  },
  {
    id: crypto.randomUUID(),
    kind: 'dutch_language',
    target: 'Nederlands op niveau A2 bij spreken',
    dueOn: addMonths(start, 5),
  },
  {
    id: crypto.randomUUID(),
    kind: 'network',
    target: 'Drie werkgevers in de sector gesproken',
    dueOn: addMonths(start, 4),
  },
];
const stepsFor = (goals: PlanGoal[], start: string): PlanStep[] => [
  {
    id: crypto.randomUUID(),
    goalId: goals[0]!.id,
    text: 'Cv maken met de coach',
    owner: 'participant',
    dueOn: addDays(start, 21),
  },
  {
    id: crypto.randomUUID(),
    goalId: goals[2]!.id,
    text: 'Open dag van een werkgever bezoeken',
    owner: 'participant',
    dueOn: addDays(start, 45),
  },
  {
    id: crypto.randomUUID(),
    goalId: goals[0]!.id,
    text: 'Twee vacatures zoeken en bespreken',
    owner: 'coach',
    dueOn: addDays(start, 60),
  },
  {
    id: crypto.randomUUID(),
    goalId: goals[1]!.id,
    text: 'Taalmaatje regelen via de gemeente',
    owner: 'municipality',
    dueOn: addDays(start, 30),
  },
];

/** Demo participants in every phase, with plans, meetings and applications; dates relative to today. */
export async function loadDemoParticipants(db: Db | Tx, today: string) {
  const users = await db
    .select({ id: appUser.id, email: appUser.email })
    .from(appUser)
    .where(
      inArray(appUser.email, [
        'coach@demo.opstap.nl',
        'coach2@demo.opstap.nl',
        'municipality@demo.opstap.nl',
        'regional@demo.opstap.nl',
        'participant@demo.opstap.nl',
      ]),
    );
  const userId = (email: string) => users.find((u) => u.email === email)?.id ?? null;
  const lead = userId('regional@demo.opstap.nl');

  for (const p of people) {
    const coachId = p.coach ? userId(`${p.coach}@demo.opstap.nl`) : null;
    const monthsIn = { referred: 0, intake: 0, month2: 1, month5: 4, completed: 7, stopped: 3 }[p.phase];
    const start = addDays(addMonths(today, -monthsIn), -10);
    const referredOn = addDays(start, p.phase === 'referred' ? 3 : -30);
    const [created] = await db
      .insert(participant)
      .values({
        name: p.name,
        nameKey: nameKey(p.name),
        dateOfBirth: p.dateOfBirth,
        municipalityCode: p.municipality,
        languages: p.languages,
        preferredLanguage: p.preferredLanguage,
        nationality: p.nationality,
        countryOfBirth: p.nationality,
        phone: '+31 6 0000 0000',
        integrationRoute: 'b1',
        userId: p.login ? userId(p.login) : null,
        ambitions: {
          dreamJob: { escoUri: null, text: p.dream },
          nextStep: { escoUri: null, text: p.next },
          sectors: [],
        },
        availability: { days: ['mon', 'tue', 'thu'], hoursPerWeek: 24 },
      })
      .returning({ id: participant.id });
    const participantId = created!.id;
    const isStarted = !['referred', 'intake'].includes(p.phase);
    const [t] = await db
      .insert(trajectory)
      .values({
        participantId,
        municipalityCode: p.municipality,
        status: {
          referred: 'referred',
          intake: 'intake',
          month2: 'active',
          month5: 'active',
          completed: 'completed',
          stopped: 'stopped',
        }[p.phase] as 'active',
        coachId,
        referredOn: referredOn > today ? today : referredOn,
        referredBy:
          p.phase === 'referred' && p.municipality === 'GM0344'
            ? userId('municipality@demo.opstap.nl')
            : lead,
        referrerKind: p.phase === 'referred' && p.municipality === 'GM0344' ? 'municipality' : 'lead',
        referralMotivation: 'Wil graag werken en heeft ervaring uit het land van herkomst.',
        intakeOn: p.phase === 'referred' ? null : addDays(start, -14),
        startedOn: isStarted ? start : null,
        plannedEndOn: isStarted ? addMonths(start, 6) : null,
        endedOn:
          p.phase === 'completed' ? addMonths(start, 6) : p.phase === 'stopped' ? addDays(start, 60) : null,
        stopReason: p.phase === 'stopped' ? 'moved_away' : null,
      })
      .returning({ id: trajectory.id });
    const trajectoryId = t!.id;
    if (coachId) await db.insert(coachAssignment).values({ trajectoryId, coachId, assignedBy: lead });
    await db.insert(languageLevel).values([
      { participantId, skill: 'listening', level: 'a1', assessedOn: addDays(start, -14), source: 'self' },
      {
        participantId,
        skill: 'spoken_interaction',
        level: 'a1',
        assessedOn: addDays(start, -14),
        source: 'teacher',
      },
      ...(isStarted
        ? [
            {
              participantId,
              skill: 'spoken_interaction' as const,
              level: 'a2' as const,
              assessedOn: addDays(start, 30 * monthsIn - 5 > 0 ? Math.min(30 * monthsIn - 5, 120) : 1),
              source: 'teacher' as const,
            },
          ]
        : []),
    ]);
    await db.insert(education).values({
      participantId,
      country: p.nationality,
      level: 'secondary',
      field: '',
      years: 12,
      hasDiploma: true,
    });
    await db
      .insert(workExperience)
      .values({ participantId, escoUri: null, occupation: p.dream, years: 3, country: p.nationality });
    if (!isStarted) continue;

    const goals = goalsFor(p, start);
    const steps = stepsFor(goals, start);
    await db.insert(planVersion).values({
      trajectoryId,
      version: 1,
      goals,
      steps,
      savedBy: coachId,
      savedAt: new Date(`${start}T10:00:00Z`),
      agreedAt: new Date(`${addDays(start, 2)}T10:00:00Z`),
      agreedBy: p.login ? userId(p.login) : null,
    });
    await db
      .insert(stepProgress)
      .values({ trajectoryId, stepId: steps[0]!.id, status: 'done', changedBy: coachId });
    if (p.phase === 'month5') {
      // The plan changed after a new insight; the participant has not agreed to it yet.
      const changed = [
        ...steps,
        {
          id: crypto.randomUUID(),
          goalId: goals[0]!.id,
          text: 'Proefplaatsing in een restaurantkeuken regelen',
          owner: 'coach' as const,
          dueOn: addDays(today, 14),
        },
      ];
      await db.insert(planVersion).values({
        trajectoryId,
        version: 2,
        goals,
        steps: changed,
        savedBy: coachId,
        savedAt: new Date(`${addDays(today, -2)}T10:00:00Z`),
      });
    }
    for (let week = 0; week < monthsIn * 4 && week < 24; week += 2)
      await db.insert(meeting).values({
        trajectoryId,
        heldOn: addDays(start, week * 7),
        durationMinutes: 60,
        mode: week % 4 === 0 ? 'in_person' : 'phone',
        topics: ['Cv', 'Solliciteren'],
        summary: 'Voortgang besproken.',
        createdBy: coachId,
      });
    if (['month2', 'month5'].includes(p.phase))
      await db.insert(meeting).values({
        trajectoryId,
        heldOn: addDays(today, 5),
        durationMinutes: 45,
        mode: 'in_person',
        topics: ['Netwerken'],
        summary: '',
        createdBy: coachId,
      });
    await db.insert(activity).values({
      trajectoryId,
      kind: 'cv_made',
      happenedOn: addDays(start, 20),
      note: '',
      createdBy: coachId,
    });
    await db.insert(jobApplication).values({
      trajectoryId,
      vacancy: p.next,
      employerName: 'Zorggroep Lindehof',
      appliedOn: addDays(start, 50),
      status: 'interview',
      followUpOn: addDays(today, -1),
      createdBy: coachId,
    });
    await db.insert(note).values({
      trajectoryId,
      body: 'Gemotiveerd; wil eerst ervaring opdoen in de sector.',
      visibility: 'team',
      createdBy: coachId,
    });
  }
}
