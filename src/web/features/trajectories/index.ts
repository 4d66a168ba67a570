import { IconListCheck } from '@tabler/icons-react';
import { coachTeamRoles } from '../../../shared/roles.ts';
import { defineFeature } from '../feature.ts';

/**
 * Trajectories: the coach's caseload. Plans, meetings and notes are tabs of the participant file (the
 * participants feature); their texts live here.
 */
export const feature = defineFeature({
  name: 'trajectories',
  routes: [{ path: '/caseload', roles: coachTeamRoles, page: () => import('../../pages/CaseloadPage.tsx') }],
  menu: [
    {
      to: '/caseload',
      label: 'nav.caseload',
      icon: IconListCheck,
      roles: coachTeamRoles,
      order: 20,
      firstFor: ['coach'],
    },
  ],
});
