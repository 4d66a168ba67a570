import { z } from 'zod';
import { trajectoryStatuses } from '../participants.ts';
import {
  activityKinds,
  applicationStatuses,
  appointmentPlaces,
  appointmentStatuses,
  goalKinds,
  meetingModes,
  noteVisibilities,
  stepOwners,
  stepStatuses,
} from '../trajectories.ts';
import {
  clockTime,
  id,
  isoDate,
  isoDateTime,
  longText,
  shortText,
  defineErrors,
  key,
  phone,
} from './common.ts';

export const planGoal = z.strictObject({
  id,
  kind: z.enum(goalKinds),
  target: shortText.min(1),
  dueOn: isoDate.nullable(),
});
export const planStep = z.strictObject({
  id,
  goalId: id.nullable(),
  text: shortText.min(1),
  owner: z.enum(stepOwners),
  dueOn: isoDate.nullable(),
});
export const planSave = z.strictObject({
  /** The version the editor started from (0 for a first plan); a newer saved version gives a conflict. */
  baseVersion: z.number().int().min(0),
  goals: z.array(planGoal).max(30),
  steps: z.array(planStep).max(100),
});
export type PlanSave = z.infer<typeof planSave>;

const changes = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(z.string()),
});
export const plan = z.object({
  trajectoryId: id,
  version: z.number().int(),
  goals: z.array(z.object({ id, kind: z.enum(goalKinds), target: z.string(), dueOn: z.string().nullable() })),
  steps: z.array(
    z.object({
      id,
      goalId: id.nullable(),
      text: z.string(),
      owner: z.enum(stepOwners),
      dueOn: z.string().nullable(),
      status: z.enum(stepStatuses),
    }),
  ),
  savedAt: isoDateTime.nullable(),
  savedByName: z.string().nullable(),
  agreedVersion: z.number().int().nullable(),
  agreedAt: isoDateTime.nullable(),
  isWaitingForAgreement: z.boolean(),
  /** What changed since the version the participant last agreed to, by goal and step id. */
  changesSinceAgreed: z.object({ goals: changes, steps: changes }),
});
export type Plan = z.infer<typeof plan>;
export const planAgree = z.strictObject({ version: z.number().int().min(1) });
export const stepStatusUpdate = z.strictObject({ status: z.enum(stepStatuses) });
export const stepParams = z.strictObject({ id, stepId: id });

export const meetingCreate = z.strictObject({
  heldOn: isoDate,
  durationMinutes: z.number().int().min(5).max(480),
  mode: z.enum(meetingModes),
  topics: z.array(shortText.min(1)).max(20).default([]),
  summary: longText.default(''),
  /** The planned appointment this meeting was: it is held now. */
  appointmentId: id.nullable().default(null),
  /** Agreed actions become steps of the plan (a new plan version the participant agrees to). */
  agreedActions: z
    .array(z.strictObject({ text: shortText.min(1), owner: z.enum(stepOwners), dueOn: isoDate.nullable() }))
    .max(20)
    .default([]),
});
export const noteCreate = z.strictObject({ body: longText.min(1), visibility: z.enum(noteVisibilities) });
export const questionCreate = z.strictObject({ body: longText.min(1) });
export const answerCreate = z.strictObject({ body: longText.min(1) });
/** A participant's question with the coach team's answers: a conversation the coach can close. */
export const question = z.object({
  id,
  body: z.string(),
  askedAt: isoDateTime,
  closedAt: isoDateTime.nullable(),
  answers: z.array(z.object({ body: z.string(), at: isoDateTime, byName: z.string().nullable() })),
});
export const questionList = z.object({ items: z.array(question) });
export const applicationCreate = z.strictObject({
  vacancy: shortText.min(1),
  employerName: shortText.min(1),
  appliedOn: isoDate,
  status: z.enum(applicationStatuses).default('sent'),
  followUpOn: isoDate.nullable().default(null),
});
export const applicationUpdate = z.strictObject({
  status: z.enum(applicationStatuses).optional(),
  followUpOn: isoDate.nullable().optional(),
});
export const applicationParams = z.strictObject({ id, applicationId: id });
export const applicationList = z.object({
  items: z.array(
    z.object({
      id,
      vacancy: z.string(),
      employerName: z.string(),
      appliedOn: z.string(),
      status: z.enum(applicationStatuses),
      followUpOn: z.string().nullable(),
    }),
  ),
});
export const activityCreate = z.strictObject({
  kind: z.enum(activityKinds),
  happenedOn: isoDate,
  note: longText.default(''),
});
export const created = z.object({ id });

/** A video link: a web address the participant opens, https only, printable characters only. */
const videoLink = z
  .string()
  .trim()
  .max(500)
  .regex(/^https:\/\/[\x21-\x7e]+$/, 'a web address starting with https://, without spaces')
  .refine((value) => URL.canParse(value), 'not a web address');
/** Where: an address (with a map link in the portal), a video link, or the number the coach calls or is called on. */
export const appointmentPlace = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('address'), address: shortText.min(1) }),
  z.strictObject({ kind: z.literal('video'), link: videoLink }),
  z.strictObject({ kind: z.literal('phone'), phone: phone.refine((v) => v !== '', 'a phone number') }),
]);
export const appointmentCreate = z.strictObject({
  /** The day, in Dutch time (YYYY-MM-DD). */
  date: isoDate,
  startTime: clockTime,
  /** How long: the appointment ends this many minutes after it starts (so never before). */
  durationMinutes: z.number().int().min(5).max(480),
  place: appointmentPlace,
  /** Who the participant meets besides or instead of the coach, e.g. "Joost (coach) and Ans from the UWV". */
  withWhom: shortText.default(''),
  /** What to bring: ID, diploma, CV. */
  bring: shortText.default(''),
});
/** Moves or changes an appointment: everything again, and the version the coach saw. */
export const appointmentUpdate = appointmentCreate.extend({ version: z.number().int().min(1) });
export const appointmentCancel = z.strictObject({ version: z.number().int().min(1) });
export const appointment = z.object({
  id,
  trajectoryId: id,
  date: z.string(),
  startTime: z.string(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  durationMinutes: z.number().int(),
  place: z.object({ kind: z.enum(appointmentPlaces), text: z.string() }),
  withWhom: z.string(),
  bring: z.string(),
  status: z.enum(appointmentStatuses),
  version: z.number().int(),
  coachName: z.string().nullable(),
  meetingId: id.nullable(),
});
export type Appointment = z.infer<typeof appointment>;
export const appointmentList = z.object({ items: z.array(appointment) });

/** The trajectories module's own kinds of timeline entry; other modules add theirs (domain Contributions). */
export const timelineKinds = [
  'trajectory',
  'plan',
  'meeting',
  'note',
  'question',
  'application',
  'activity',
  'language',
] as const;
export const timelineEntry = z.object({
  kind: key,
  at: z.string(), // date or date-time, sorts as text
  title: z.string(), // a stable key the web app translates, e.g. "trajectory.started"
  text: z.string().nullable(),
  byName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export const timeline = z.object({ items: z.array(timelineEntry) });
export const timelineQuery = z.strictObject({ kind: key.optional() });

export const caseloadSorts = ['name', 'month', 'next_due', 'last_contact', 'ending'] as const;
export const caseloadFilters = ['all', 'overdue', 'not_agreed', 'ending_soon', 'no_contact_14d'] as const;
export const caseloadQuery = z.strictObject({
  coachId: id.optional(),
  sort: z.enum(caseloadSorts).default('next_due'),
  filter: z.enum(caseloadFilters).default('all'),
  status: z.enum(trajectoryStatuses).optional(),
});
export const caseloadItem = z.object({
  participantId: id,
  trajectoryId: id,
  name: z.string(),
  municipalityName: z.string(),
  status: z.enum(trajectoryStatuses),
  coachId: id.nullable(),
  coachName: z.string().nullable(),
  monthNumber: z.number().int().nullable(),
  trajectoryMonths: z.number().int(),
  plannedEndOn: z.string().nullable(),
  nextStep: z.object({ text: z.string(), dueOn: z.string().nullable() }).nullable(),
  overdueSteps: z.number().int(),
  lastContactOn: z.string().nullable(),
  daysSinceLastContact: z.number().int().nullable(),
  isPlanWaitingForAgreement: z.boolean(),
  hasNoPlan: z.boolean(),
  isEndingSoon: z.boolean(),
  openQuestions: z.number().int(),
  /** Open questions older than the answer time (caseloadRules.questionAnswerWorkingDays). */
  questionsWaiting: z.number().int(),
});
export const todayItem = z.object({
  participantId: id,
  name: z.string(),
  /** `step_overdue`, `step_due_today`, `meeting_today`, `follow_up_due`, `plan_not_agreed`, `ending_soon`,
   * `question`, `referral_waiting` (leads: assign a coach), or a reason another module adds. */
  reason: key,
  detail: z.string().nullable(),
});
export const caseload = z.object({ items: z.array(caseloadItem), today: z.array(todayItem) });
export const workload = z.object({
  items: z.array(
    z.object({
      coachId: id,
      coachName: z.string(),
      open: z.number().int(),
      active: z.number().int(),
      overdueSteps: z.number().int(),
      notAgreed: z.number().int(),
    }),
  ),
});

/**
 * Referrals that wait for a coach (still "referred", no coach yet): a to-do for the regional lead of their region;
 * the national lead sees how many per region. Oldest first.
 */
export const waitingReferrals = z.object({
  items: z.array(
    z.object({
      participantId: id,
      trajectoryId: id,
      name: z.string(),
      municipalityName: z.string(),
      regionName: z.string().nullable(),
      referredOn: z.string(),
      daysWaiting: z.number().int(),
    }),
  ),
  byRegion: z.array(
    z.object({
      regionId: id.nullable(),
      regionName: z.string().nullable(),
      count: z.number().int(),
      oldestReferredOn: z.string(),
    }),
  ),
  total: z.number().int(),
});

export const portal = z.object({
  participantId: id,
  name: z.string(),
  preferredLanguage: z.string(),
  trajectory: z
    .object({
      id,
      status: z.enum(trajectoryStatuses),
      monthNumber: z.number().int().nullable(),
      trajectoryMonths: z.number().int(),
      startedOn: z.string().nullable(),
      plannedEndOn: z.string().nullable(),
    })
    .nullable(),
  plan: plan.nullable(),
  /** Planned appointments that have not ended yet, soonest first. */
  appointments: z.array(appointment),
  coach: z.object({ name: z.string(), email: z.string() }).nullable(),
  /** The participant's questions of the current trajectory, newest first, with the answers. */
  questions: z.array(question),
  /** What other modules show on the portal home (a training session, a placement check-in, …). */
  cards: z.array(
    z.object({
      kind: key,
      title: z.string(),
      at: z.string().nullable(),
      text: z.string().nullable(),
      link: z.string().nullable(),
    }),
  ),
  whoCanSee: z.array(
    z.object({
      who: z.enum(['you', 'coach', 'regional_lead', 'national_lead', 'referrer', 'trainer']),
      name: z.string().nullable(),
      what: z.enum(['everything', 'status_only', 'name_and_attendance']),
    }),
  ),
});

export const cv = z.object({
  name: z.string(),
  municipalityName: z.string(),
  phone: z.string(),
  email: z.string(),
  hasDrivingLicence: z.boolean(),
  languages: z.array(z.string()),
  dutchLevels: z.array(z.object({ skill: z.string(), level: z.string() })),
  education: z.array(
    z.object({
      country: z.string().nullable(),
      level: z.string(),
      field: z.string(),
      years: z.number().nullable(),
      hasDiploma: z.boolean(),
      valuationResult: z.string(),
    }),
  ),
  workExperience: z.array(
    z.object({ occupation: z.string(), years: z.number().nullable(), country: z.string().nullable() }),
  ),
  ambition: z.string(),
  activities: z.array(z.object({ kind: z.string(), happenedOn: z.string() })),
});

export const trajectoryErrors = defineErrors({
  'trajectory.transition_not_allowed': {
    status: 409,
    message: 'This step is not possible in the current phase of the trajectory.',
  },
  'trajectory.partnership_required': {
    status: 409,
    message:
      'A trajectory can only start when the municipality has an active partnership. Ask your regional project lead.',
  },
  'trajectory.coach_required': { status: 409, message: 'Assign a coach before the trajectory starts.' },
  'trajectory.already_open': { status: 409, message: 'This participant already has an open trajectory.' },
  'trajectory.extension_not_later': {
    status: 400,
    message: 'The new end date must be after the current end date.',
  },
  'trajectory.not_active': { status: 409, message: 'This can only be done while the trajectory is running.' },
  'plan.version_conflict': {
    status: 409,
    message: 'Someone else saved the plan in the meantime. Look at the changes and try again.',
  },
  'question.closed': { status: 409, message: 'This question is closed. Ask a new question if needed.' },
  'plan.nothing_to_agree': { status: 409, message: 'There is no new version of the plan to agree to.' },
  'appointment.in_past': { status: 400, message: 'This time has passed. Choose a time in the future.' },
  'appointment.too_far_ahead': { status: 400, message: 'Plan appointments at most six months ahead.' },
  'appointment.overlap': {
    status: 409,
    message: 'The coach already has an appointment at this time. Choose another time.',
  },
  'appointment.version_conflict': {
    status: 409,
    message: 'Someone else changed this appointment in the meantime. Look at it again and try again.',
  },
  'appointment.not_planned': {
    status: 409,
    message: 'This appointment was already held or cancelled.',
  },
  'meeting.duplicate': {
    status: 409,
    message: 'This meeting was just saved. It is not saved a second time.',
  },
});
