import { IconHome } from '@tabler/icons-react';
import { leadRoles } from '../../../shared/roles.ts';
import { defineFeature } from '../feature.ts';

/** The start page: what each role sees first after signing in. */
export const feature = defineFeature({
  name: 'home',
  routes: [{ path: '/', page: () => import('../../pages/HomePage.tsx') }],
  menu: [{ to: '/', label: 'nav.home', icon: IconHome, order: 10 }],
  home: [
    { roles: ['administrator'], page: () => import('../../pages/home/AdminHome.tsx') },
    { roles: leadRoles, page: () => import('../../pages/home/LeadHome.tsx') },
    {
      roles: ['coach', 'municipality_staff', 'employer_contact', 'evaluator'],
      page: () => import('../../pages/home/StaffHome.tsx'),
    },
  ],
});
