import { useQuery } from '@tanstack/react-query';
import { api } from '../../api.ts';

export const portalKey = ['portal'] as const;

/** Everything the participant's own pages show, in one call. */
export const usePortal = () => useQuery({ queryKey: portalKey, queryFn: () => api.get('/api/portal') });
