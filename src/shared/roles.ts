/** The roles a user can hold. Each assignment is scoped (see `RoleScope`). */
export const roles = [
  'participant',
  'coach', // arbeidscoach, mostly a volunteer, works in one region
  'trainer',
  'regional_lead', // regionale projectleider
  'national_lead', // landelijke projectleider
  'municipality_staff', // klantmanager, jobcoach or werkgeversadviseur of one municipality
  'employer_contact',
  'evaluator',
  'administrator',
] as const;
export type Role = (typeof roles)[number];

export const municipalFunctions = ['client_manager', 'job_coach', 'employer_advisor'] as const;
export type MunicipalFunction = (typeof municipalFunctions)[number];

/** Roles whose users can read sensitive notes: they get the short idle timeout. */
export const sensitiveRoles: readonly Role[] = [
  'coach',
  'trainer',
  'regional_lead',
  'national_lead',
  'administrator',
];

/** Everyone who works for the programme or a partner municipality, as opposed to participants and employers. */
export const staffRoles: readonly Role[] = [
  'coach',
  'trainer',
  'regional_lead',
  'national_lead',
  'municipality_staff',
  'evaluator',
  'administrator',
];

export const leadRoles: readonly Role[] = ['regional_lead', 'national_lead'];

/** The coach and the leads above them: they work with participants' files, plans and caseloads. */
export const coachTeamRoles: readonly Role[] = ['coach', ...leadRoles];

/**
 * Roles that must use a second factor (TOTP): every staff role, since all of them read participant data.
 * Employer contacts and participants may choose to. Demo accounts are exempt, in demo mode only.
 */
export const secondFactorRoles = staffRoles;
/** Which scope each role needs. */
export const roleScope: Record<Role, 'none' | 'region' | 'municipality' | 'employer'> = {
  participant: 'none',
  coach: 'region',
  trainer: 'region',
  regional_lead: 'region',
  national_lead: 'none',
  municipality_staff: 'municipality',
  employer_contact: 'employer',
  evaluator: 'none',
  administrator: 'none',
};

/**
 * Roles that read participant files. An administrator alone cannot give them: a lead confirms first
 * (Opstap's rule, so one administrator account cannot open every file).
 */
export const rolesNeedingConfirmation: readonly Role[] = [
  'coach',
  'trainer',
  'regional_lead',
  'national_lead',
  'municipality_staff',
];

/** Who confirms a role: a regional lead of the same region (for roles inside one region), or a national lead. */
export const confirmedBy: Partial<Record<Role, readonly Role[]>> = {
  coach: ['regional_lead', 'national_lead'],
  trainer: ['regional_lead', 'national_lead'],
  municipality_staff: ['regional_lead', 'national_lead'],
  regional_lead: ['national_lead'],
  national_lead: ['national_lead'],
};
