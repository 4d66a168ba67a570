import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { coachTeamRoles } from '../../../shared/roles.ts';
import { defineFeature } from '../feature.ts';

const fileReaders = [...coachTeamRoles, 'municipality_staff'] as const;

/** Participants: the list, a new referral, the participant file (profile, trajectory, plan, coaching) and the CV. */
export const feature = defineFeature({
  name: 'participants',
  routes: [
    {
      path: '/participants',
      roles: fileReaders,
      page: () => import('../../pages/participants/ParticipantsPage.tsx'),
    },
    {
      path: '/participants/new',
      roles: fileReaders,
      page: () => import('../../pages/participants/NewParticipantPage.tsx'),
    },
    {
      path: '/participants/:id',
      roles: fileReaders,
      page: () => import('../../pages/participants/ParticipantFilePage.tsx'),
    },
    {
      path: '/participants/:id/cv',
      roles: coachTeamRoles,
      page: () => import('../../pages/participants/CvPage.tsx'),
    },
  ],
  menu: [
    { to: '/participants', label: 'nav.participants', icon: IconUsers, roles: fileReaders, order: 30 },
    { to: '/participants/new', label: 'nav.newReferral', icon: IconUserPlus, roles: fileReaders, order: 40 },
  ],
});
