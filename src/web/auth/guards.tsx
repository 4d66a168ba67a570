import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../../shared/roles.ts';
import { AppLayout } from '../components/AppLayout.tsx';
import { Loading, QueryError } from '../components/Feedback.tsx';
import { PublicLayout } from '../components/PublicLayout.tsx';
import { ForbiddenPage } from '../pages/ForbiddenPage.tsx';
import { hasRole, useMe } from './me.ts';

/**
 * Pages for signed-in users. Not signed in: to the login page (and back afterwards).
 * A half-finished login: first the code, or first setting up the authenticator app.
 */
export function RequireAuth() {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  if (me.sessionStage === 'totp') return <Navigate to="/login/code" replace />;
  if (me.sessionStage === 'totp_setup' && location.pathname !== '/account/security')
    return <Navigate to="/account/security" replace />;
  return <AppLayout me={me} />;
}

/** Signed-in users get their usual frame on pages like "not found"; others the public one. */
export function AnyLayout() {
  const { data: me, isPending } = useMe();
  if (isPending) return <Loading />;
  return me && me.sessionStage === 'full' ? <AppLayout me={me} /> : <PublicLayout />;
}

/** A page only some roles may use. The API checks too; this just explains it instead of showing errors. */
export function RoleGate({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { data: me } = useMe();
  if (!hasRole(me, ...roles)) return <ForbiddenPage />;
  return <>{children}</>;
}
