import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../api.ts';
import { meKey } from './me.ts';

/** Ends the session on the server, forgets all loaded data and goes to the login page. */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return async () => {
    try {
      await api.post('/api/auth/logout');
    } catch {
      // Logged out anyway: the cookie may already be gone.
    }
    queryClient.clear();
    queryClient.setQueryData(meKey, null);
    navigate('/login', { replace: true });
  };
}
