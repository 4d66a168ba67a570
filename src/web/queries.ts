import { useQuery } from '@tanstack/react-query';
import { api, type QueryOf, type ResponseOf } from './api.ts';

export type Region = ResponseOf<'GET', '/api/regions'>['items'][number];
export type Employer = ResponseOf<'GET', '/api/employers'>['items'][number];
export type UserRow = ResponseOf<'GET', '/api/users'>['items'][number];
export type AuditEvent = ResponseOf<'GET', '/api/audit'>['items'][number];
export type PartnershipQuery = NonNullable<QueryOf<'GET', '/api/partnerships'>>;
export type MunicipalityQuery = NonNullable<QueryOf<'GET', '/api/municipalities'>>;
export type UserQuery = NonNullable<QueryOf<'GET', '/api/users'>>;
export type AuditQuery = NonNullable<QueryOf<'GET', '/api/audit'>>;

/*
 * Query keys, one small object per area. A key starts with its area, so invalidating the area's first key
 * (`organisationKeys.partnerships`) refreshes every list and record under it.
 */
export const organisationKeys = {
  programme: ['programme'] as const,
  regions: ['regions'] as const,
  employers: ['employers'] as const,
  municipalities: ['municipalities'] as const,
  municipalityList: (query: MunicipalityQuery) => ['municipalities', query] as const,
  partnerships: ['partnerships'] as const,
  partnershipList: (query: PartnershipQuery) => ['partnerships', 'list', query] as const,
  partnership: (id: string) => ['partnerships', id] as const,
};

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserQuery) => ['users', 'list', query] as const,
  /** Roles waiting for a lead's confirmation: they change with the users. */
  rolesToConfirm: ['users', 'roles-to-confirm'] as const,
};

export const auditKeys = {
  list: (query: AuditQuery) => ['audit', query] as const,
};

export const systemKeys = {
  health: ['health'] as const,
  outbox: ['outbox'] as const,
  failedJobs: ['jobs', 'failed'] as const,
};

export const useRegions = (enabled = true) =>
  useQuery({
    queryKey: organisationKeys.regions,
    queryFn: () => api.get('/api/regions'),
    enabled,
    staleTime: 5 * 60_000,
  });

export const useEmployers = (enabled = true) =>
  useQuery({
    queryKey: organisationKeys.employers,
    queryFn: () => api.get('/api/employers'),
    enabled,
    staleTime: 5 * 60_000,
  });

/** All municipalities (about 350: one page), optionally of one region. */
export const useAllMunicipalities = (regionId?: string, enabled = true) => {
  const query = { regionId, limit: 500 };
  return useQuery({
    queryKey: organisationKeys.municipalityList(query),
    queryFn: () => api.get('/api/municipalities', { query }),
    enabled,
    staleTime: 60_000,
  });
};

export const usePartnerships = (query: PartnershipQuery, enabled = true) =>
  useQuery({
    queryKey: organisationKeys.partnershipList(query),
    queryFn: () => api.get('/api/partnerships', { query }),
    enabled,
    placeholderData: (previous) => previous,
  });

export const useProgramme = () =>
  useQuery({
    queryKey: organisationKeys.programme,
    queryFn: () => api.get('/api/programme'),
    staleTime: 5 * 60_000,
  });
