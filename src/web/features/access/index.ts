import {
  IconAlertTriangle,
  IconDevices,
  IconHistory,
  IconMail,
  IconShieldLock,
  IconUserPlus,
  IconLanguage,
} from '@tabler/icons-react';
import { defineFeature } from '../feature.ts';

const administrator = ['administrator'] as const;

/**
 * Access: signing in (password, second factor, reset, invitation), one's own sessions and security, and the
 * administrator's pages: inviting users, the audit log, failed jobs and (in demo mode) the outbox.
 */
export const feature = defineFeature({
  name: 'access',
  routes: [
    { path: '/login', layout: 'public', page: () => import('../../pages/LoginPage.tsx') },
    { path: '/login/code', layout: 'public', page: () => import('../../pages/LoginCodePage.tsx') },
    { path: '/forgot-password', layout: 'public', page: () => import('../../pages/ForgotPasswordPage.tsx') },
    { path: '/reset-password', layout: 'public', page: () => import('../../pages/ResetPasswordPage.tsx') },
    { path: '/invitation', layout: 'public', page: () => import('../../pages/InvitationPage.tsx') },
    { path: '/users/invite', roles: administrator, page: () => import('../../pages/InviteUserPage.tsx') },
    { path: '/audit', roles: administrator, page: () => import('../../pages/AuditPage.tsx') },
    { path: '/jobs', roles: administrator, page: () => import('../../pages/JobsPage.tsx') },
    { path: '/languages', roles: administrator, page: () => import('../../pages/LanguagesPage.tsx') },
    { path: '/dev/outbox', roles: administrator, page: () => import('../../pages/OutboxPage.tsx') },
    { path: '/account/sessions', page: () => import('../../pages/SessionsPage.tsx') },
    { path: '/account/security', page: () => import('../../pages/SecurityPage.tsx') },
  ],
  menu: [
    { to: '/users/invite', label: 'nav.inviteUser', icon: IconUserPlus, roles: administrator, order: 70 },
    { to: '/audit', label: 'nav.audit', icon: IconHistory, roles: administrator, order: 80 },
    { to: '/jobs', label: 'nav.jobs', icon: IconAlertTriangle, roles: administrator, order: 90 },
    { to: '/languages', label: 'nav.languages', icon: IconLanguage, roles: administrator, order: 95 },
    {
      to: '/dev/outbox',
      label: 'nav.outbox',
      icon: IconMail,
      roles: administrator,
      order: 100,
      demoOnly: true,
    },
    { to: '/account/sessions', label: 'nav.sessions', icon: IconDevices, order: 110 },
    { to: '/account/security', label: 'nav.security', icon: IconShieldLock, order: 120, duringSetup: true },
  ],
});
