import { IconMapPin, IconPlus } from '@tabler/icons-react';
import { leadRoles } from '../../../shared/roles.ts';
import { defineFeature } from '../feature.ts';

// One loader for both partnership paths: the shell then shows the same page component on both.
const partnershipPage = () => import('../../pages/PartnershipPage.tsx');
const municipalityEditors = [...leadRoles, 'administrator'] as const;

/** The programme's organisation: partnerships with municipalities, and which region each municipality is in. */
export const feature = defineFeature({
  name: 'organisation',
  routes: [
    { path: '/partnerships/new', roles: leadRoles, page: partnershipPage },
    { path: '/partnerships/:id', roles: leadRoles, page: partnershipPage },
    {
      path: '/municipalities',
      roles: municipalityEditors,
      page: () => import('../../pages/MunicipalitiesPage.tsx'),
    },
  ],
  menu: [
    { to: '/partnerships/new', label: 'nav.newPartnership', icon: IconPlus, roles: leadRoles, order: 50 },
    {
      to: '/municipalities',
      label: 'nav.municipalities',
      icon: IconMapPin,
      roles: municipalityEditors,
      order: 60,
    },
  ],
});
