import type { Role } from '../../shared/roles.ts';
import type { EarlyData, Feature, FeatureRoute } from './feature.ts';

// Every feature folder's declaration, found at build time: a new folder with an `index.ts` is picked up by the
// router, the menu and the browser tests without editing them (i18n/texts.ts finds its texts the same way).
// Eager, because the declarations are small (main.tsx loads them while the app downloads); pages load lazily.
const modules = import.meta.glob<{ feature: Feature }>('./*/index.{ts,tsx}', { eager: true });

export const features: readonly Feature[] = Object.entries(modules)
  .map(([path, module]) => {
    if (!module.feature) throw new Error(`${path} exports no \`feature\``);
    return module.feature;
  })
  .sort((a, b) => a.name.localeCompare(b.name));

export const featureRoutes: readonly FeatureRoute[] = features.flatMap((f) => f.routes ?? []);
export const menuEntries = features.flatMap((f) => f.menu ?? []).sort((a, b) => a.order - b.order);
export const homePages = features.flatMap((f) => f.home ?? []);

/**
 * The route that shows this path, as React Router picks it: a path with more fixed segments wins over one with
 * parameters (`/participants/new` over `/participants/:id`).
 */
export function routeFor(pathname: string): FeatureRoute | undefined {
  const parts = pathname.split('/').filter(Boolean);
  const fits = (route: FeatureRoute) => {
    const pattern = route.path.split('/').filter(Boolean);
    return pattern.length === parts.length && pattern.every((p, i) => p.startsWith(':') || p === parts[i]);
  };
  const fixed = (route: FeatureRoute) => route.path.split('/').filter((p) => p && !p.startsWith(':')).length;
  return featureRoutes.filter(fits).sort((a, b) => fixed(b) - fixed(a))[0];
}

type Loader = () => Promise<unknown>;
const started = new Map<Loader, Promise<void>>();
const loaded = new Map<Loader, unknown>();
const preload = (load: Loader) => {
  if (!started.has(load))
    started.set(
      load,
      load().then(
        (module) => void loaded.set(load, module),
        () => void started.delete(load), // the page itself loads it again, and reports a failure
      ),
    );
};

/** The module of a page loader that finished preloading, so the router can show it without suspending. */
export const preloaded = (load: Loader): unknown => loaded.get(load);

/** Settles when every preload started so far has (main.tsx renders the first screen after it). */
export const whenPreloaded = () => Promise.all(started.values()).then(() => undefined);

/** Starts loading the page at this path before the app asks for it (main.tsx, while the app downloads). */
export function preloadPage(pathname: string) {
  const route = routeFor(pathname);
  if (route) preload(route.page);
}

/**
 * On the start page: the home pages of the signed-in person's roles (pages/HomePage.tsx shows one of them), and
 * the API answers they start with, which are returned to be put in the query cache.
 */
export function preloadHome(pathname: string, roles: readonly Role[]): EarlyData[] {
  if (pathname !== '/') return [];
  const homes = homePages.filter((home) => home.roles.some((r) => roles.includes(r)));
  for (const home of homes) preload(home.page);
  return homes.flatMap((home) => home.data ?? []);
}
