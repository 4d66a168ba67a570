import type { ComponentType } from 'react';
import type { Icon } from '@tabler/icons-react';
import type { Role } from '../../shared/roles.ts';

/**
 * What a feature folder (`features/<name>/index.ts`) adds to the app shell. The shell finds every feature with
 * `import.meta.glob` (features/registry.ts for router.tsx and the menu in components/AppLayout.tsx,
 * i18n/texts.ts for the texts): adding one edits no shell file.
 * A feature folder holds:
 *  - `index.ts`: `export const feature = defineFeature({ … })`: its pages, menu entries and home pages;
 *  - `locales/{nl,en,ar}.json`: its texts, merged into the one translation bundle of the reader's language,
 *    so a key means the same wherever it is used (`locales.test.ts` checks that no two features define one).
 * Keep `index.ts` small and free of side effects: it is loaded at start, and Node imports it in the tests.
 */
export type Feature = {
  /** The folder name. */
  name: string;
  routes?: FeatureRoute[];
  menu?: MenuEntry[];
  /**
   * The start pages (at `/`) this feature gives some roles (pages/HomePage.tsx picks and shows one). The shell
   * loads the page of the signed-in person's role, and the API answers it shows first, together with the app
   * rather than after it: on a slow phone network each wait in a row costs a round trip.
   */
  home?: HomePage[];
};

export type FeatureRoute = {
  /** A React Router path, e.g. `/participants/:id`. */
  path: string;
  /** The page, loaded when first opened (its own chunk): `() => import('…/SomePage.tsx')`. */
  page: () => Promise<{ default: ComponentType }>;
  /**
   * `app` (default): for signed-in users, in the app frame; `public`: the sign-in pages, in the public frame.
   */
  layout?: 'app' | 'public';
  /** Who may open it (a `RoleGate`; the API checks again); left out: every signed-in user. */
  roles?: readonly Role[];
};

export type MenuEntry = {
  to: string;
  /** Translation key of the label. */
  label: string;
  icon: Icon;
  /** Who sees it; left out: every signed-in user. */
  roles?: readonly Role[];
  /** Place in the menu, low first (home is 10; steps of 10 leave room). */
  order: number;
  /** Put first for people with one of these roles (a coach starts the day with the caseload). */
  firstFor?: readonly Role[];
  /** Shown only in demo mode (e.g. the outbox: nothing is really sent there). */
  demoOnly?: boolean;
  /** Also shown while a new staff member still has to set up their second factor. */
  duringSetup?: boolean;
};

export type HomePage = {
  roles: readonly Role[];
  page: () => Promise<unknown>;
  /** GET requests the page starts with, put in the query cache under the key the page reads them with. */
  data?: EarlyData[];
};

export type EarlyData = { key: readonly unknown[]; path: string };

/** Typed identity: `export const feature = defineFeature({ … })`. */
export const defineFeature = (feature: Feature): Feature => feature;
