import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { api, type ResponseOf } from '../../api.ts';

export type CohortSummary = ResponseOf<'GET', '/api/cohorts'>['items'][number];
export type Cohort = ResponseOf<'GET', '/api/cohorts/:id'>;
export type AttendanceStatus = Cohort['attendance'][number]['status'];
export const attendanceStatuses: AttendanceStatus[] = [
  'present',
  'late',
  'absent_notice',
  'absent_no_notice',
];

export const trainingKeys = {
  all: ['training'] as const,
  cohorts: ['training', 'cohorts'] as const,
  cohort: (id: string) => ['training', 'cohort', id] as const,
  modules: ['training', 'modules'] as const,
};

export const useCohorts = () =>
  useQuery({ queryKey: trainingKeys.cohorts, queryFn: () => api.get('/api/cohorts', { query: {} }) });

export const useCohort = (id: string) =>
  useQuery({
    queryKey: trainingKeys.cohort(id),
    queryFn: () => api.get('/api/cohorts/:id', { params: { id } }),
  });

/** A module's name: the lead's own title, else the translated default. */
export const moduleName = (t: TFunction, m: { key: string | null; title: string | null }) =>
  m.title ?? (m.key ? t(`training.module.${m.key}`) : '');

/** A share (0–1) as a whole percentage, or a dash. */
export const percent = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);
