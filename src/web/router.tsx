import { lazy, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Outlet, useNavigate } from 'react-router';
import { onSessionProblem } from './api.ts';
import { AnyLayout, RequireAuth, RoleGate } from './auth/guards.tsx';
import { meKey } from './auth/me.ts';
import { LanguageSync } from './components/LanguageSync.tsx';
import { PublicLayout } from './components/PublicLayout.tsx';

// Every page is its own chunk: someone who only logs in never downloads the staff pages.
const LoginPage = lazy(() => import('./pages/LoginPage.tsx'));
const LoginCodePage = lazy(() => import('./pages/LoginCodePage.tsx'));
const ForgotPasswordPage = lazy(() => import('./pages/ForgotPasswordPage.tsx'));
const ResetPasswordPage = lazy(() => import('./pages/ResetPasswordPage.tsx'));
const InvitationPage = lazy(() => import('./pages/InvitationPage.tsx'));
const HomePage = lazy(() => import('./pages/HomePage.tsx'));
const PartnershipPage = lazy(() => import('./pages/PartnershipPage.tsx'));
const MunicipalitiesPage = lazy(() => import('./pages/MunicipalitiesPage.tsx'));
const InviteUserPage = lazy(() => import('./pages/InviteUserPage.tsx'));
const AuditPage = lazy(() => import('./pages/AuditPage.tsx'));
const OutboxPage = lazy(() => import('./pages/OutboxPage.tsx'));
const SessionsPage = lazy(() => import('./pages/SessionsPage.tsx'));
const SecurityPage = lazy(() => import('./pages/SecurityPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));

/** Reacts to a session that ended elsewhere (timeout, logout on another device) by going to the login page. */
function Root() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    onSessionProblem((reason) => {
      if (reason === 'second_factor') {
        void queryClient.invalidateQueries({ queryKey: meKey });
        return;
      }
      const here = `${window.location.pathname}${window.location.search}`;
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
      if (window.location.pathname.startsWith('/login')) return;
      navigate(`/login?reason=expired&next=${encodeURIComponent(here)}`, { replace: true });
    });
  }, [queryClient, navigate]);
  return (
    <>
      <LanguageSync />
      <Outlet />
    </>
  );
}

const leads = ['national_lead', 'regional_lead'] as const;

export const router = createBrowserRouter([
  {
    element: <Root />,
    children: [
      {
        element: <PublicLayout />,
        children: [
          { path: '/login', element: <LoginPage /> },
          { path: '/login/code', element: <LoginCodePage /> },
          { path: '/forgot-password', element: <ForgotPasswordPage /> },
          { path: '/reset-password', element: <ResetPasswordPage /> },
          { path: '/invitation', element: <InvitationPage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <HomePage /> },
          {
            path: '/partnerships/new',
            element: (
              <RoleGate roles={[...leads]}>
                <PartnershipPage />
              </RoleGate>
            ),
          },
          {
            path: '/partnerships/:id',
            element: (
              <RoleGate roles={[...leads]}>
                <PartnershipPage />
              </RoleGate>
            ),
          },
          {
            path: '/municipalities',
            element: (
              <RoleGate roles={[...leads, 'administrator']}>
                <MunicipalitiesPage />
              </RoleGate>
            ),
          },
          {
            path: '/users/invite',
            element: (
              <RoleGate roles={['administrator']}>
                <InviteUserPage />
              </RoleGate>
            ),
          },
          {
            path: '/audit',
            element: (
              <RoleGate roles={['administrator']}>
                <AuditPage />
              </RoleGate>
            ),
          },
          {
            path: '/dev/outbox',
            element: (
              <RoleGate roles={['administrator']}>
                <OutboxPage />
              </RoleGate>
            ),
          },
          { path: '/account/sessions', element: <SessionsPage /> },
          { path: '/account/security', element: <SecurityPage /> },
        ],
      },
      { element: <AnyLayout />, children: [{ path: '*', element: <NotFoundPage /> }] },
    ],
  },
]);
