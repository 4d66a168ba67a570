/** Vocabularies of the participant file, shared by contracts, tables and the web app. */
export const genders = ['female', 'male', 'other', 'not_given'] as const;
export const contactChannels = ['phone', 'sms', 'whatsapp', 'email', 'in_person'] as const;
export const referrerKinds = ['municipality', 'coach', 'lead', 'self', 'other'] as const;
/** Civic-integration learning routes (leerroutes, Wet inburgering 2021). */
export const integrationRoutes = ['b1', 'education', 'z', 'none', 'unknown'] as const;
/** CEFR skills: listening, reading, spoken interaction, spoken production, writing. */
export const cefrSkills = [
  'listening',
  'reading',
  'spoken_interaction',
  'spoken_production',
  'writing',
] as const;
export const cefrLevels = ['pre_a1', 'a1', 'a2', 'b1', 'b2', 'c1', 'c2'] as const;
export const levelSources = ['self', 'teacher', 'exam'] as const;
export const educationLevels = [
  'none',
  'primary',
  'secondary',
  'vocational',
  'bachelor',
  'master',
  'doctorate',
] as const;
export const valuationStatuses = ['not_requested', 'requested', 'done'] as const;
export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const trajectoryStatuses = ['referred', 'intake', 'active', 'completed', 'stopped'] as const;
export type TrajectoryStatus = (typeof trajectoryStatuses)[number];
export const stopReasons = [
  'found_work', // early positive exit
  'started_education', // early positive exit
  'moved_away',
  'health',
  'no_contact',
  'own_choice',
  'not_eligible',
  'other',
] as const;
export type StopReason = (typeof stopReasons)[number];
export const positiveStopReasons: readonly StopReason[] = ['found_work', 'started_education'];

export type CefrSkill = (typeof cefrSkills)[number];
export type CefrLevel = (typeof cefrLevels)[number];
