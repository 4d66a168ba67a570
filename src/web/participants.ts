import { locales } from '../shared/locales.ts';
import { programmeDay } from '../shared/dates.ts';
import { useQuery } from '@tanstack/react-query';
import { api, type QueryOf, type ResponseOf } from './api.ts';

// Types only: zod itself never reaches the browser bundle through this file.
export type FileResponse = ResponseOf<'GET', '/api/participants/:id'>;
export type ParticipantFile = Extract<FileResponse, { kind: 'full' }>['file'];
export type ReferralStatus = Extract<FileResponse, { kind: 'referral_status' }>['file'];
export type ParticipantList = ResponseOf<'GET', '/api/participants'>;
export type ParticipantQuery = NonNullable<QueryOf<'GET', '/api/participants'>>;
export type Trajectory = NonNullable<ParticipantFile['trajectory']>;
export type Plan = ResponseOf<'GET', '/api/trajectories/:id/plan'>;
export type Timeline = ResponseOf<'GET', '/api/participants/:id/timeline'>;
export type TimelineKind = Timeline['items'][number]['kind'];
export type Caseload = ResponseOf<'GET', '/api/caseload'>;
export type CaseloadQuery = NonNullable<QueryOf<'GET', '/api/caseload'>>;
export type Workload = ResponseOf<'GET', '/api/caseload/workload'>;
export type CoachOption = ResponseOf<'GET', '/api/coaches'>['items'][number];
export type Portal = ResponseOf<'GET', '/api/portal'>;
export type Cv = ResponseOf<'GET', '/api/participants/:id/cv'>;

/*
 * Query keys, one small object per area. Everything about one participant starts with
 * `participantKeys.one(id)`, so invalidating that refreshes the file, its timeline and its CV.
 */
export const participantKeys = {
  all: ['participants'] as const,
  list: (query: ParticipantQuery) => ['participants', 'list', query] as const,
  one: (id: string) => ['participants', id] as const,
  file: (id: string) => ['participants', id, 'file'] as const,
  timelines: (id: string) => ['participants', id, 'timeline'] as const,
  timeline: (id: string, kind: TimelineKind | 'all') => ['participants', id, 'timeline', kind] as const,
  cv: (id: string) => ['participants', id, 'cv'] as const,
};

export const trajectoryKeys = {
  plan: (trajectoryId: string) => ['trajectories', trajectoryId, 'plan'] as const,
  applications: (trajectoryId: string) => ['trajectories', trajectoryId, 'applications'] as const,
  questions: (trajectoryId: string) => ['trajectories', trajectoryId, 'questions'] as const,
  appointments: (trajectoryId: string) => ['trajectories', trajectoryId, 'appointments'] as const,
};

/** The coach's lists: the caseload, the leads' workload view and the coaches to choose from. */
export const caseloadKeys = {
  all: ['caseload'] as const,
  list: (query: CaseloadQuery) => ['caseload', 'list', query] as const,
  workload: ['caseload', 'workload'] as const,
  waitingReferrals: ['caseload', 'waiting-referrals'] as const,
  coaches: ['caseload', 'coaches'] as const,
};

export const occupationKeys = {
  search: (q: string) => ['occupations', q] as const,
};

export const useParticipantFile = (id: string) =>
  useQuery({
    queryKey: participantKeys.file(id),
    queryFn: () => api.get('/api/participants/:id', { params: { id } }),
  });

export const usePlan = (trajectoryId: string | null | undefined) =>
  useQuery({
    queryKey: trajectoryKeys.plan(trajectoryId ?? ''),
    queryFn: () => api.get('/api/trajectories/:id/plan', { params: { id: trajectoryId! } }),
    enabled: !!trajectoryId,
  });

export const useCoaches = (enabled = true) =>
  useQuery({
    queryKey: caseloadKeys.coaches,
    queryFn: () => api.get('/api/coaches'),
    enabled,
    staleTime: 60_000,
  });

/** Today as `YYYY-MM-DD` in the programme's time zone, as the server counts it (wherever the browser is). */
export const todayIso = () => programmeDay(new Date());

/** A new id for a plan item; the server accepts any UUID. */
export const newId = () => crypto.randomUUID();

/** Country and language names in the reader's language, via `Intl.DisplayNames`. */
export function displayName(type: 'region' | 'language', code: string | null | undefined, language: string) {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([language], { type, fallback: 'code' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The portal's languages for a "preferred language" choice: the name in the reader's language, then in its own
 * ("Tigrijnya – ትግርኛ"), so the person can point at theirs.
 */
export function portalLanguageOptions(uiLanguage: string) {
  return locales.map((code) => {
    const own = displayName('language', code, code);
    const here = displayName('language', code, uiLanguage);
    return { value: code, label: here === own ? here : `${here} – ${own}` };
  });
}

/** Languages refugees in the Netherlands often speak; lists show their names in the UI language. */
export const commonLanguages = [
  'nl',
  'en',
  'ar',
  'ti',
  'fa',
  'prs',
  'ps',
  'so',
  'tr',
  'ku',
  'uk',
  'ru',
  'fr',
  'am',
];
