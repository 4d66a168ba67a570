import { isLocale } from '../../../../shared/locales.ts';
import type { TFunction } from 'i18next';
import { profileUpdate } from '../../../../shared/contracts/participants.ts';
import type { BodyOf } from '../../../api.ts';
import { contractRules, type FormParts } from '../../../components/form.ts';
import type { ParticipantFile } from '../../../participants.ts';

type Request = NonNullable<BodyOf<'PATCH', '/api/participants/:id'>>;
type Availability = NonNullable<Request['availability']>;
type Ambitions = NonNullable<Request['ambitions']>;
export type Occupation = Ambitions['dreamJob'];
/** A number field as Mantine's NumberInput holds it: a number, or `''` while empty. */
type NumberValue = number | string;
type WithYears<T> = Omit<T, 'years'> & { years: NumberValue };
export type Education = WithYears<NonNullable<Request['education']>[number]>;
export type Work = WithYears<NonNullable<Request['workExperience']>[number]>;

/**
 * The intake as the form holds it: the request's shape (so the API's field names are the form's), with dates as
 * `YYYY-MM-DD` or `''`, numbers as typed and the sectors as one comma-separated text.
 */
export type IntakeValues = {
  name: string;
  permitName: string;
  dateOfBirth: string;
  gender: ParticipantFile['gender'];
  nationality: string | null;
  countryOfBirth: string | null;
  languages: string[];
  preferredLanguage: string;
  contactChannel: ParticipantFile['contactChannel'];
  phone: string;
  email: string;
  arrivalDate: string;
  permitDate: string;
  pipDate: string;
  integrationRoute: ParticipantFile['integrationRoute'];
  hasDrivingLicence: boolean;
  availability: { days: Availability['days']; hoursPerWeek: NumberValue };
  constraints: { childcare: boolean; healthLimitsAvailability: boolean; healthHoursPerWeek: NumberValue };
  ambitions: { dreamJob: Occupation; nextStep: Occupation; sectors: string };
  education: Education[];
  workExperience: Work[];
};
/** What each fieldset of the intake gets: the form, each input's props and its label by path. */
export type IntakeParts = FormParts<IntakeValues> & { label: (path: string) => string };

const orEmpty = (value: number | null) => value ?? '';
const orNull = (value: NumberValue) => (value === '' ? null : Number(value));

export const intakeValues = (file: ParticipantFile): IntakeValues => ({
  name: file.name,
  permitName: file.permitName,
  dateOfBirth: file.dateOfBirth ?? '',
  gender: file.gender,
  nationality: file.nationality ?? null,
  countryOfBirth: file.countryOfBirth ?? null,
  languages: file.languages,
  preferredLanguage: file.preferredLanguage,
  contactChannel: file.contactChannel,
  phone: file.phone,
  email: file.email,
  arrivalDate: file.arrivalDate ?? '',
  permitDate: file.permitDate ?? '',
  pipDate: file.pipDate ?? '',
  integrationRoute: file.integrationRoute,
  hasDrivingLicence: file.hasDrivingLicence,
  availability: {
    days: file.availability.days as Availability['days'],
    hoursPerWeek: orEmpty(file.availability.hoursPerWeek),
  },
  constraints: { ...file.constraints, healthHoursPerWeek: orEmpty(file.constraints.healthHoursPerWeek) },
  ambitions: { ...file.ambitions, sectors: file.ambitions.sectors.join(', ') },
  education: file.education.map((e) => ({ ...e, years: orEmpty(e.years) })),
  workExperience: file.workExperience.map((w) => ({ ...w, years: orEmpty(w.years) })),
});

/** The request for the values; nationality and country of birth only for those who may see them. */
export const intakeRequest = (file: ParticipantFile, v: IntakeValues): Request => {
  const { nationality, countryOfBirth, ...rest } = v;
  return {
    ...rest,
    version: file.version,
    // A language recorded before the portal's list stays as it is until someone picks one the portal speaks.
    preferredLanguage: isLocale(v.preferredLanguage) ? v.preferredLanguage : undefined,
    ...('nationality' in file ? { nationality, countryOfBirth } : {}),
    dateOfBirth: v.dateOfBirth || null,
    arrivalDate: v.arrivalDate || null,
    permitDate: v.permitDate || null,
    pipDate: v.pipDate || null,
    availability: { days: v.availability.days, hoursPerWeek: orNull(v.availability.hoursPerWeek) },
    constraints: {
      ...v.constraints,
      healthHoursPerWeek: v.constraints.healthLimitsAvailability
        ? orNull(v.constraints.healthHoursPerWeek)
        : null,
    },
    ambitions: {
      ...v.ambitions,
      sectors: v.ambitions.sectors
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    },
    education: v.education.map((e) => ({ ...e, years: orNull(e.years) })),
    workExperience: v.workExperience.map((w) => ({ ...w, years: orNull(w.years) })),
  };
};

/** An occupation (its text and ESCO link) and a list of choices or of sectors are one field each on the form. */
const fieldOf = (path: string) =>
  path.replace(/^(ambitions\.(?:dreamJob|nextStep|sectors)|languages|availability\.days)\..*$/, '$1');

/** The API's own rules for the intake, in the form's words. */
export const intakeRules = (t: TFunction, file: ParticipantFile) =>
  contractRules<IntakeValues>(
    t,
    profileUpdate,
    (values) => intakeRequest(file, values),
    {
      name: t('validation.nameRequired'),
      phone: t('validation.phoneInvalid'),
      email: t('validation.emailInvalid'),
      'workExperience.*.occupation': t('coaching.textRequired'),
    },
    fieldOf,
  );

/** `education.0.level` as "Education 1, Level"; `availability.days` as "Available days". */
export function intakeLabel(t: TFunction, path: string) {
  const [head, index, field] = path.split('.');
  if (head === 'education' || head === 'workExperience')
    return `${t(`profile.${head}N`, { n: Number(index) + 1 })}, ${t(`profile.field.${field}`)}`;
  return t(`profile.field.${path.split('.').at(-1)}`);
}
