import { z } from 'zod';
import { limits, trainingRules } from '../limits.ts';
import { cbsCode, clockTime, defineErrors, id, isoDate, shortText } from './common.ts';
import { sectors } from './organisation.ts';

// Group training (VIP pillar 1): cohorts, the curriculum, sessions and attendance.

export const cohortStatuses = ['planned', 'running', 'finished'] as const;
/** Regular session, company visit (bedrijfsbezoek), interview practice, final presentation, return meeting. */
export const sessionKinds = [
  'regular',
  'company_visit',
  'interview_practice',
  'final_presentation',
  'return_meeting',
] as const;
/** Present, late, absent with notice (afgemeld), absent without notice. */
export const attendanceStatuses = ['present', 'late', 'absent_notice', 'absent_no_notice'] as const;
export const memberStatuses = ['member', 'waiting'] as const;
export const coverageStatuses = ['done', 'planned', 'missing'] as const;

/** A link to an online meeting: https only, so it cannot run script. */
export const meetingLink = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    if (value === '') return true;
    try {
      encodeURI(value); // throws on a lone surrogate (a broken character)
      const url = new URL(value);
      return url.protocol === 'https:' && !/[\s\u0000-\u001f]/.test(value);
    } catch {
      return false;
    }
  }, 'an https:// link, or empty');

export const trainingErrors = defineErrors({
  'training.session_outside_cohort': {
    status: 400,
    message: "The session's date is outside the cohort's start and end.",
  },
  'training.trainer_double_booked': {
    status: 409,
    message: 'This trainer already has a session at that time.',
  },
  'training.already_in_cohort': {
    status: 409,
    message: 'This participant is already in a planned or running cohort.',
  },
  'training.not_in_cohort': { status: 400, message: 'This participant is not in the cohort.' },
  'training.cohort_closed': { status: 409, message: 'This cohort has finished: nobody can join it.' },
  'training.other_region': { status: 400, message: 'The cohort is in another region than the participant.' },
  'training.not_a_trainer': { status: 400, message: 'This person is not a trainer in the region.' },
  'training.unknown_module': { status: 400, message: 'One of the modules does not exist.' },
  'training.dates_reversed': { status: 400, message: 'The end comes before the start.' },
  'training.trajectory_closed': {
    status: 409,
    message: 'The trajectory has ended: the participant cannot join a cohort.',
  },
});

// -- Curriculum -------------------------------------------------------------------------------------------

/** A module of the curriculum. Default modules have a key the web app translates; `title` is the lead's own. */
export const curriculumModule = z.object({
  id,
  key: z.string().nullable(),
  title: z.string().nullable(),
  position: z.number().int(),
  isActive: z.boolean(),
});
export const curriculumList = z.object({ items: z.array(curriculumModule) });
export const curriculumCreate = z.strictObject({
  title: shortText.min(1),
  position: z.number().int().min(0).max(1000),
});
export const curriculumUpdate = z.strictObject({
  title: shortText.min(1).optional(),
  position: z.number().int().min(0).max(1000).optional(),
  isActive: z.boolean().optional(),
});

// -- Cohorts ----------------------------------------------------------------------------------------------

export const cohortCreate = z.strictObject({
  name: shortText.min(1),
  regionId: id,
  municipalityCodes: z.array(cbsCode).min(1).max(50),
  sectorTrack: z.enum(sectors).nullable().default(null),
  trainerIds: z.array(id).min(1).max(5),
  capacity: z.number().int().min(1).max(trainingRules.maxCapacity),
  startsOn: isoDate,
  endsOn: isoDate,
  location: shortText.default(''),
});
export const cohortUpdate = z.strictObject({
  version: z.number().int().min(1),
  status: z.enum(cohortStatuses).optional(),
  capacity: z.number().int().min(1).max(trainingRules.maxCapacity).optional(),
  location: shortText.optional(),
  endsOn: isoDate.optional(),
});
export const cohortQuery = z.strictObject({ status: z.enum(cohortStatuses).optional() });

const sessionBrief = z.object({
  id,
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  kind: z.enum(sessionKinds),
  place: z.string(),
});
export const cohortSummary = z.object({
  id,
  name: z.string(),
  regionName: z.string(),
  sectorTrack: z.enum(sectors).nullable(),
  capacity: z.number().int(),
  members: z.number().int(),
  waiting: z.number().int(),
  /** members / capacity, 0–1. */
  fillRate: z.number(),
  /** Present or late of all marks, 0–1; null before the first mark. */
  attendanceRate: z.number().nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  location: z.string(),
  status: z.enum(cohortStatuses),
  trainerNames: z.array(z.string()),
  nextSession: sessionBrief.nullable(),
});
export const cohortList = z.object({ items: z.array(cohortSummary) });

export const trainingSession = z.object({
  id,
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  place: z.string(),
  onlineUrl: z.string(),
  kind: z.enum(sessionKinds),
  trainerId: z.string().nullable(),
  trainerName: z.string().nullable(),
  moduleIds: z.array(z.string()),
  guests: z.string(),
  bring: z.string(),
});
export const cohortPage = cohortSummary.extend({
  version: z.number().int(),
  regionId: id,
  municipalityCodes: z.array(z.string()),
  trainers: z.array(z.object({ id, name: z.string() })),
  /** The participants the reader may see: a coach only their own, the trainer and leads everyone. */
  participants: z.array(
    z.object({
      participantId: id,
      name: z.string(),
      status: z.enum(memberStatuses),
      /** The languages they speak, so the trainer knows whom to help (no more of the file). */
      languages: z.array(z.string()),
      attendanceRate: z.number().nullable(),
      absentInARow: z.number().int(),
    }),
  ),
  sessions: z.array(trainingSession),
  coverage: z.array(
    z.object({
      moduleId: id,
      key: z.string().nullable(),
      title: z.string().nullable(),
      status: z.enum(coverageStatuses),
    }),
  ),
  attendance: z.array(z.object({ sessionId: id, participantId: id, status: z.enum(attendanceStatuses) })),
});

export const sessionCreate = z.strictObject({
  date: isoDate,
  startTime: clockTime,
  endTime: clockTime,
  place: shortText.default(''),
  onlineUrl: meetingLink.default(''),
  kind: z.enum(sessionKinds).default('regular'),
  trainerId: id,
  moduleIds: z.array(id).max(20).default([]),
  guests: shortText.default(''),
  bring: shortText.default(''),
});

/** The whole group at once: the screen sends everyone present, then changes the exceptions. */
export const attendanceSave = z.strictObject({
  marks: z
    .array(z.strictObject({ participantId: id, status: z.enum(attendanceStatuses) }))
    .min(1)
    .max(limits.pageSize),
});
export const attendanceSaved = z.object({ saved: z.number().int() });

export const cohortJoin = z.strictObject({ cohortId: id });
export const cohortJoined = z.object({
  cohortId: id,
  status: z.enum(memberStatuses),
  /** Place on the waiting list (1 is next), or null for a member. */
  waitingPosition: z.number().int().nullable(),
});
