import { IconUsersGroup } from '@tabler/icons-react';
import { coachTeamRoles } from '../../../shared/roles.ts';
import { defineFeature } from '../feature.ts';
import { trainingKeys } from './training.ts';

const cohortRoles = ['trainer', ...coachTeamRoles] as const;
const runnerRoles = ['trainer', 'regional_lead', 'national_lead'] as const;

/** Group training: cohorts, their sessions and attendance. A trainer starts the day here. */
export const feature = defineFeature({
  name: 'training',
  routes: [
    { path: '/cohorts', roles: cohortRoles, page: () => import('./CohortsPage.tsx') },
    { path: '/cohorts/:id', roles: cohortRoles, page: () => import('./CohortPage.tsx') },
    {
      path: '/cohorts/:id/sessions/:sessionId',
      roles: runnerRoles,
      page: () => import('./AttendancePage.tsx'),
    },
  ],
  menu: [
    {
      to: '/cohorts',
      label: 'nav.cohorts',
      icon: IconUsersGroup,
      roles: cohortRoles,
      order: 30,
      firstFor: ['trainer'],
    },
  ],
  home: [
    {
      roles: ['trainer'],
      page: () => import('./CohortsPage.tsx'),
      data: [{ key: trainingKeys.cohorts, path: '/api/cohorts' }],
    },
  ],
});
