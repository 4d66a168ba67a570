import { lazy, useEffect, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Outlet, useNavigate } from 'react-router';
import type { Role } from '../shared/roles.ts';
import { onSessionProblem } from './api.ts';
import { AnyLayout, RequireAuth, RoleGate } from './auth/guards.tsx';
import { meKey } from './auth/me.ts';
import { LanguageSync } from './components/LanguageSync.tsx';
import { PublicLayout } from './components/PublicLayout.tsx';
import { ReauthDialog } from './components/ReauthDialog.tsx';

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
const JobsPage = lazy(() => import('./pages/JobsPage.tsx'));
const SessionsPage = lazy(() => import('./pages/SessionsPage.tsx'));
const SecurityPage = lazy(() => import('./pages/SecurityPage.tsx'));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));
const ParticipantsPage = lazy(() => import('./pages/participants/ParticipantsPage.tsx'));
const NewParticipantPage = lazy(() => import('./pages/participants/NewParticipantPage.tsx'));
const ParticipantFilePage = lazy(() => import('./pages/participants/ParticipantFilePage.tsx'));
const CvPage = lazy(() => import('./pages/participants/CvPage.tsx'));
const CaseloadPage = lazy(() => import('./pages/CaseloadPage.tsx'));
const PlanCheckPage = lazy(() => import('./pages/portal/PlanCheckPage.tsx'));
const QuestionPage = lazy(() => import('./pages/portal/QuestionPage.tsx'));
const PrivacyPage = lazy(() => import('./pages/portal/PrivacyPage.tsx'));
const MyCvPage = lazy(() => import('./pages/portal/MyCvPage.tsx'));

/**
 * Reacts to a session that ended elsewhere (timeout, logout on another device) by going to the login page, and
 * holds the one dialog that asks for the password again before a sensitive action.
 */
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
      <ReauthDialog />
    </>
  );
}

const leads = ['national_lead', 'regional_lead'] as const;
const coachTeam = ['coach', ...leads] as const;

/** A page behind a role check. */
const gated = (roles: readonly Role[], page: ReactNode) => <RoleGate roles={[...roles]}>{page}</RoleGate>;

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
          { path: '/jobs', element: gated(['administrator'], <JobsPage />) },
          {
            path: '/dev/outbox',
            element: (
              <RoleGate roles={['administrator']}>
                <OutboxPage />
              </RoleGate>
            ),
          },
          {
            path: '/participants',
            element: gated([...coachTeam, 'municipality_staff'], <ParticipantsPage />),
          },
          {
            path: '/participants/new',
            element: gated([...coachTeam, 'municipality_staff'], <NewParticipantPage />),
          },
          {
            path: '/participants/:id',
            element: gated([...coachTeam, 'municipality_staff'], <ParticipantFilePage />),
          },
          { path: '/participants/:id/cv', element: gated(coachTeam, <CvPage />) },
          { path: '/caseload', element: gated(coachTeam, <CaseloadPage />) },
          { path: '/my/plan/check', element: gated(['participant'], <PlanCheckPage />) },
          { path: '/my/question', element: gated(['participant'], <QuestionPage />) },
          { path: '/my/privacy', element: gated(['participant'], <PrivacyPage />) },
          { path: '/my/cv', element: gated(['participant'], <MyCvPage />) },
          { path: '/account/sessions', element: <SessionsPage /> },
          { path: '/account/security', element: <SecurityPage /> },
        ],
      },
      { element: <AnyLayout />, children: [{ path: '*', element: <NotFoundPage /> }] },
    ],
  },
]);
