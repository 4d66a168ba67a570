import { programmeDay } from '../shared/dates.ts';
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  caseload,
  coachOptionList,
  cv,
  participantFile,
  participantFileResponse,
  participantList,
  plan,
  portal,
  referralStatus,
  timeline,
  trajectorySummary,
  workload,
} from '../shared/contracts/index.ts';
import { api } from './api.ts';

// Types only: zod itself never reaches the browser bundle.
export type ParticipantFile = z.infer<typeof participantFile>;
export type ReferralStatus = z.infer<typeof referralStatus>;
export type FileResponse = z.infer<typeof participantFileResponse>;
export type ParticipantList = z.infer<typeof participantList>;
export type Trajectory = z.infer<typeof trajectorySummary>;
export type Plan = z.infer<typeof plan>;
export type Timeline = z.infer<typeof timeline>;
export type Caseload = z.infer<typeof caseload>;
export type Workload = z.infer<typeof workload>;
export type CoachOption = z.infer<typeof coachOptionList>['items'][number];
export type Portal = z.infer<typeof portal>;
export type Cv = z.infer<typeof cv>;

export const fileKey = (id: string) => ['participant', id] as const;
export const planKey = (trajectoryId: string) => ['plan', trajectoryId] as const;

export const useParticipantFile = (id: string) =>
  useQuery({ queryKey: fileKey(id), queryFn: () => api<FileResponse>(`/api/participants/${id}`) });

export const usePlan = (trajectoryId: string | null | undefined) =>
  useQuery({
    queryKey: planKey(trajectoryId ?? ''),
    queryFn: () => api<Plan>(`/api/trajectories/${trajectoryId}/plan`),
    enabled: !!trajectoryId,
  });

export const useCoaches = (enabled = true) =>
  useQuery({
    queryKey: ['coaches'],
    queryFn: () => api<{ items: CoachOption[] }>('/api/coaches'),
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
