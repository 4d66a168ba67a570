import { portalKey } from '../../pages/portal/portal.ts';
import { defineFeature } from '../feature.ts';

/** The participant's own pages: phone first, their plan, appointments, a question to the coach, their CV. */
export const feature = defineFeature({
  name: 'portal',
  routes: [
    {
      path: '/my/plan/check',
      roles: ['participant'],
      page: () => import('../../pages/portal/PlanCheckPage.tsx'),
    },
    {
      path: '/my/question',
      roles: ['participant'],
      page: () => import('../../pages/portal/QuestionPage.tsx'),
    },
    { path: '/my/privacy', roles: ['participant'], page: () => import('../../pages/portal/PrivacyPage.tsx') },
    { path: '/my/cv', roles: ['participant'], page: () => import('../../pages/portal/MyCvPage.tsx') },
  ],
  home: [
    {
      roles: ['participant'],
      page: () => import('../../pages/portal/PortalHome.tsx'),
      data: [{ key: portalKey, path: '/api/portal' }],
    },
  ],
});
