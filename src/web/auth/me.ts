import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, RoleAssignment } from '../../shared/contracts/index.ts';
import type { Role } from '../../shared/roles.ts';
import { api, ApiError } from '../api.ts';

export const meKey = ['me'] as const;

/**
 * Query keys of the signed-in person's own account. Not under `meKey`: refreshing who is signed in must not ask
 * for a new second-factor secret halfway through setting one up.
 */
export const accountKeys = {
  me: meKey,
  sessions: ['sessions'] as const,
  /** A new second-factor secret for each attempt at setting it up. */
  secondFactorSetup: (attempt: number) => ['second-factor-setup', attempt] as const,
  invitation: (token: string) => ['invitation', token] as const,
};

/** The signed-in user, or `null` when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        return await api.get('/api/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

/** Refetches who is signed in, e.g. after a login step, and waits for the answer. */
export function useRefreshMe() {
  const queryClient = useQueryClient();
  return () => queryClient.fetchQuery({ queryKey: meKey, staleTime: 0 }) as Promise<Me | null>;
}

/** When someone has several roles, the home page shows the first in this order. */
export const rolePriority: readonly Role[] = [
  'administrator',
  'national_lead',
  'regional_lead',
  'coach',
  'trainer',
  'municipality_staff',
  'employer_contact',
  'evaluator',
  'participant',
];

export function rolesOf(me: Pick<Me, 'roles'>): Role[] {
  const held = new Set(me.roles.map((r) => r.role));
  return rolePriority.filter((role) => held.has(role));
}

export function primaryRole(me: Pick<Me, 'roles'>): Role | null {
  return rolesOf(me)[0] ?? null;
}

export const hasRole = (me: Pick<Me, 'roles'> | null | undefined, ...roles: Role[]) =>
  !!me && me.roles.some((r) => roles.includes(r.role));

export const assignmentsFor = (me: Pick<Me, 'roles'>, role: Role): RoleAssignment[] =>
  me.roles.filter((r) => r.role === role);

export { leadRoles } from '../../shared/roles.ts';
