import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  auditList,
  employerList,
  Municipality,
  Partnership,
  Programme,
  regionList,
  userList,
} from '../shared/contracts/index.ts';
import { api } from './api.ts';

export type Region = z.infer<typeof regionList>['items'][number];
export type Employer = z.infer<typeof employerList>['items'][number];
export type UserRow = z.infer<typeof userList>['items'][number];
export type AuditEvent = z.infer<typeof auditList>['items'][number];
export type Page<T> = { items: T[]; total: number };
export type PartnershipQuery = {
  status?: string;
  regionId?: string;
  q?: string;
  limit?: number;
  offset?: number;
};

export const useRegions = (enabled = true) =>
  useQuery({
    queryKey: ['regions'],
    queryFn: () => api<{ items: Region[] }>('/api/regions'),
    enabled,
    staleTime: 5 * 60_000,
  });

export const useEmployers = (enabled = true) =>
  useQuery({
    queryKey: ['employers'],
    queryFn: () => api<{ items: Employer[] }>('/api/employers'),
    enabled,
    staleTime: 5 * 60_000,
  });

/** All municipalities (about 350: one page), optionally of one region. */
export const useAllMunicipalities = (regionId?: string, enabled = true) =>
  useQuery({
    queryKey: ['municipalities', 'all', regionId ?? null],
    queryFn: () => api<Page<Municipality>>('/api/municipalities', { query: { regionId, limit: 500 } }),
    enabled,
    staleTime: 60_000,
  });

export const usePartnerships = (query: PartnershipQuery, enabled = true) =>
  useQuery({
    queryKey: ['partnerships', query],
    queryFn: () => api<Page<Partnership>>('/api/partnerships', { query }),
    enabled,
    placeholderData: (previous) => previous,
  });

export const useProgramme = () =>
  useQuery({
    queryKey: ['programme'],
    queryFn: () => api<Programme>('/api/programme'),
    staleTime: 5 * 60_000,
  });
