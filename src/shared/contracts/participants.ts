import { z } from 'zod';
import {
  cefrLevels,
  cefrSkills,
  contactChannels,
  educationLevels,
  genders,
  integrationRoutes,
  levelSources,
  referrerKinds,
  stopReasons,
  trajectoryStatuses,
  valuationStatuses,
  weekdays,
} from '../participants.ts';
import {
  cbsCode,
  email,
  escoUri,
  id,
  isoDate,
  isoDateTime,
  locale,
  longText,
  optionalEmail,
  pageQuery,
  phone,
  searchText,
  shortText,
  defineErrors,
} from './common.ts';

const country = z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166 country code like SY');
const language = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language code like ar or ti');
const occupationRef = z.strictObject({ escoUri: escoUri.nullable(), text: shortText });

export const referralCreate = z.strictObject({
  name: shortText.min(1),
  permitName: shortText.default(''),
  dateOfBirth: isoDate.nullable().default(null),
  gender: z.enum(genders).default('not_given'),
  municipalityCode: cbsCode,
  /**
   * The language of the portal, mails and SMS: asked, never assumed (no default), and one the portal speaks; the
   * languages a person speaks are recorded at intake (`languages`).
   */
  preferredLanguage: locale,
  contactChannel: z.enum(contactChannels).default('phone'),
  phone: phone.default(''),
  email: optionalEmail.default(''),
  referredOn: isoDate,
  referrerKind: z.enum(referrerKinds),
  motivation: longText.default(''),
  /** Set after the warning about a possible duplicate, when this really is someone else. */
  confirmNotDuplicate: z.boolean().default(false),
});
export type ReferralCreate = z.infer<typeof referralCreate>;

export const educationEntry = z.strictObject({
  country: country.nullable(),
  level: z.enum(educationLevels),
  field: shortText.default(''),
  years: z.number().int().min(0).max(30).nullable(),
  hasDiploma: z.boolean(),
  valuation: z.enum(valuationStatuses).default('not_requested'),
  valuationResult: shortText.default(''),
});
export const workEntry = z.strictObject({
  escoUri: escoUri.nullable(),
  occupation: shortText.min(1),
  years: z.number().int().min(0).max(60).nullable(),
  country: country.nullable(),
});

/** The intake: everything optional, so it can be filled in over several conversations. */
export const profileUpdate = z.strictObject({
  version: z.number().int().min(1),
  name: shortText.min(1).optional(),
  permitName: shortText.optional(),
  dateOfBirth: isoDate.nullable().optional(),
  gender: z.enum(genders).optional(),
  nationality: country.nullable().optional(),
  countryOfBirth: country.nullable().optional(),
  languages: z.array(language).max(20).optional(),
  preferredLanguage: locale.optional(),
  contactChannel: z.enum(contactChannels).optional(),
  phone: phone.optional(),
  email: optionalEmail.optional(),
  arrivalDate: isoDate.nullable().optional(),
  permitDate: isoDate.nullable().optional(),
  integrationRoute: z.enum(integrationRoutes).optional(),
  pipDate: isoDate.nullable().optional(),
  hasDrivingLicence: z.boolean().optional(),
  availability: z
    .strictObject({
      days: z.array(z.enum(weekdays)).max(7),
      hoursPerWeek: z.number().int().min(0).max(60).nullable(),
    })
    .optional(),
  constraints: z
    .strictObject({
      childcare: z.boolean(),
      healthLimitsAvailability: z.boolean(),
      healthHoursPerWeek: z.number().int().min(0).max(60).nullable(),
    })
    .optional(),
  ambitions: z
    .strictObject({ dreamJob: occupationRef, nextStep: occupationRef, sectors: z.array(shortText).max(20) })
    .optional(),
  education: z.array(educationEntry).max(20).optional(),
  workExperience: z.array(workEntry).max(30).optional(),
});
export type ProfileUpdate = z.infer<typeof profileUpdate>;

export const languageLevelCreate = z.strictObject({
  skill: z.enum(cefrSkills),
  level: z.enum(cefrLevels),
  assessedOn: isoDate,
  source: z.enum(levelSources),
});

const languageLevel = z.object({
  skill: z.enum(cefrSkills),
  level: z.enum(cefrLevels),
  assessedOn: z.string(),
  source: z.enum(levelSources),
});

export const trajectorySummary = z.object({
  id,
  status: z.enum(trajectoryStatuses),
  municipalityCode: z.string(),
  coachId: id.nullable(),
  coachName: z.string().nullable(),
  referredOn: z.string(),
  referrerKind: z.enum(referrerKinds),
  referralMotivation: z.string(),
  intakeOn: z.string().nullable(),
  startedOn: z.string().nullable(),
  plannedEndOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  stopReason: z.enum(stopReasons).nullable(),
  isEarlyPositiveExit: z.boolean(),
  monthNumber: z.number().int().nullable(),
  trajectoryMonths: z.number().int(),
  allowedActions: z.array(z.enum(['start_intake', 'start', 'complete', 'stop'])),
  extensions: z.array(
    z.object({
      previousEndOn: z.string(),
      newEndOn: z.string(),
      reason: z.string(),
      approvedByName: z.string().nullable(),
      createdAt: isoDateTime,
    }),
  ),
  version: z.number().int(),
});

export const participantFile = z.object({
  id,
  name: z.string(),
  permitName: z.string(),
  dateOfBirth: z.string().nullable(),
  gender: z.enum(genders),
  /** Only for the coach team, leads and the participant: these can reveal ethnic origin. */
  nationality: z.string().nullable().optional(),
  countryOfBirth: z.string().nullable().optional(),
  languages: z.array(z.string()),
  preferredLanguage: z.string(),
  contactChannel: z.enum(contactChannels),
  phone: z.string(),
  email: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  arrivalDate: z.string().nullable(),
  permitDate: z.string().nullable(),
  integrationRoute: z.enum(integrationRoutes),
  pipDate: z.string().nullable(),
  hasDrivingLicence: z.boolean(),
  availability: z.object({ days: z.array(z.string()), hoursPerWeek: z.number().nullable() }),
  constraints: z.object({
    childcare: z.boolean(),
    healthLimitsAvailability: z.boolean(),
    healthHoursPerWeek: z.number().nullable(),
  }),
  ambitions: z.object({
    dreamJob: z.object({ escoUri: z.string().nullable(), text: z.string() }),
    nextStep: z.object({ escoUri: z.string().nullable(), text: z.string() }),
    sectors: z.array(z.string()),
  }),
  education: z.array(
    z.object({
      country: z.string().nullable(),
      level: z.enum(educationLevels),
      field: z.string(),
      years: z.number().int().nullable(),
      hasDiploma: z.boolean(),
      valuation: z.enum(valuationStatuses),
      valuationResult: z.string(),
    }),
  ),
  workExperience: z.array(
    z.object({
      escoUri: z.string().nullable(),
      occupation: z.string(),
      years: z.number().int().nullable(),
      country: z.string().nullable(),
    }),
  ),
  languageLevels: z.object({ current: z.array(languageLevel), history: z.array(languageLevel) }),
  trajectory: trajectorySummary.nullable(),
  earlierTrajectories: z.array(trajectorySummary),
  hasPortalAccount: z.boolean(),
  /** The participant's own login: invited (the link not used yet) or active. */
  portalAccount: z
    .object({ email: z.string(), status: z.enum(['invited', 'active']), invitedAt: isoDateTime.nullable() })
    .nullable(),
  version: z.number().int(),
});
export type ParticipantFile = z.infer<typeof participantFile>;

/**
 * A referral as its referrer sent it, while it may still be corrected (the trajectory is still "referred"):
 * what the referrer typed themselves, nothing the coach team added.
 */
export const referralDetails = z.object({
  name: z.string(),
  permitName: z.string(),
  dateOfBirth: z.string().nullable(),
  gender: z.enum(genders),
  preferredLanguage: z.string(),
  contactChannel: z.enum(contactChannels),
  phone: z.string(),
  email: z.string(),
  referredOn: z.string(),
  referrerKind: z.enum(referrerKinds),
  motivation: z.string(),
  /** The trajectory's version: a correction names it, so a change in between is a conflict. */
  version: z.number().int(),
});

/**
 * What municipality staff see of a referral they made: who, in which phase, and who coaches (once assigned); while
 * still referred, also what they sent, so they can correct it.
 */
export const referralStatus = z.object({
  id,
  name: z.string(),
  municipalityName: z.string(),
  status: z.enum(trajectoryStatuses).nullable(),
  referredOn: z.string().nullable(),
  coachName: z.string().nullable(),
  correction: referralDetails.nullable(),
});

/**
 * The referrer corrects their referral while it is still "referred" (the correction window): any of the fields
 * they sent, naming the version they saw. The municipality stays: a referral for another municipality is a new one.
 */
export const referralCorrection = z.strictObject({
  version: z.number().int().min(1),
  name: shortText.min(1).optional(),
  permitName: shortText.optional(),
  dateOfBirth: isoDate.nullable().optional(),
  gender: z.enum(genders).optional(),
  preferredLanguage: language.optional(),
  contactChannel: z.enum(contactChannels).optional(),
  phone: phone.optional(),
  email: optionalEmail.optional(),
  referredOn: isoDate.optional(),
  referrerKind: z.enum(referrerKinds).optional(),
  motivation: longText.optional(),
});
export type ReferralCorrection = z.infer<typeof referralCorrection>;

export const participantListItem = z.object({
  id,
  name: z.string(),
  dateOfBirth: z.string().nullable(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  status: z.enum(trajectoryStatuses).nullable(),
  coachName: z.string().nullable(),
  trajectoryId: id.nullable(),
});
export const participantList = z.object({ items: z.array(participantListItem), total: z.number().int() });
export const participantQuery = z.strictObject({
  q: searchText.optional(),
  municipalityCode: cbsCode.optional(),
  status: z.enum(trajectoryStatuses).optional(),
  ...pageQuery,
});

/** A referral registered, and who takes it from here: the regional leads of the municipality's region. */
export const referralCreated = z.object({
  participantId: id,
  trajectoryId: id,
  regionName: z.string().nullable(),
  regionalLeads: z.array(z.object({ name: z.string(), email: z.string() })),
});

export const trajectoryAction = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start_intake'), on: isoDate }),
  z.strictObject({ action: z.literal('start'), on: isoDate }),
  z.strictObject({ action: z.literal('complete'), on: isoDate }),
  z.strictObject({ action: z.literal('stop'), on: isoDate, reason: z.enum(stopReasons) }),
]);
export type TrajectoryActionInput = z.infer<typeof trajectoryAction>;
export const coachAssign = z.strictObject({ coachId: id });
export const extensionCreate = z.strictObject({ newEndOn: isoDate, reason: shortText.min(1) });
export const trajectoryCreate = z.strictObject({
  referredOn: isoDate,
  referrerKind: z.enum(referrerKinds),
  motivation: longText.default(''),
});

export const occupationSearch = z.strictObject({
  q: searchText.min(2),
  limit: z.coerce.number().int().min(1).max(50).default(15),
});
export const occupationList = z.object({
  items: z.array(
    z.object({
      uri: z.string(),
      code: z.string(),
      iscoGroup: z.string(),
      labelNl: z.string(),
      labelEn: z.string(),
    }),
  ),
});

export const coachOption = z.object({
  id,
  displayName: z.string(),
  regionName: z.string().nullable(),
  activeCount: z.number().int(),
});
export const coachOptionList = z.object({ items: z.array(coachOption) });

/** A file answer: the whole file, or only the phase for a referrer without access to the file. */
export const participantFileResponse = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('full'), file: participantFile }),
  z.object({ kind: z.literal('referral_status'), file: referralStatus }),
]);
export const portalAccountCreate = z.strictObject({ email });

export const participantErrors = defineErrors({
  'participant.possible_duplicate': {
    status: 409,
    message:
      'A participant with this name and date of birth already lives in this municipality. Open the existing file, or confirm that this is someone else.',
  },
  'participant.referral_moved_on': {
    status: 409,
    message:
      'This referral can no longer be corrected: the regional project lead has taken it up. Tell them or the coach what should change.',
  },
});
