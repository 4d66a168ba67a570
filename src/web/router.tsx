import { Component, lazy, useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Outlet, useLocation, useNavigate, useRoutes, type RouteObject } from 'react-router';
import { onSessionProblem } from './api.ts';
import { AnyLayout, RequireAuth, RoleGate } from './auth/guards.tsx';
import { meKey } from './auth/me.ts';
import { QueryError } from './components/Feedback.tsx';
import { LanguageSync } from './components/LanguageSync.tsx';
import { PublicLayout } from './components/PublicLayout.tsx';
import { ReauthDialog } from './components/ReauthDialog.tsx';
import type { FeatureRoute } from './features/feature.ts';
import { featureRoutes, preloaded } from './features/registry.ts';

// Every page is its own chunk: someone who only logs in never downloads the staff pages.
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.tsx'));
// One component per page loader, so two paths of one page (e.g. a new and an existing partnership) show the same
// component and React keeps it, as before, when you move from one to the other. A page main.tsx preloaded (the
// one the app opened on) shows at once; any other loads when first opened (React.lazy, in its own chunk).
const pages = new Map<FeatureRoute['page'], ComponentType>();
const pageOf = (load: FeatureRoute['page']) => {
  if (!pages.has(load)) {
    const Lazy = lazy(load);
    const Page = () => {
      const [Shown] = useState(
        () => (preloaded(load) as { default: ComponentType } | undefined)?.default ?? Lazy,
      );
      return <Shown />;
    };
    pages.set(load, Page);
  }
  return pages.get(load)!;
};

/** A feature's route for React Router: its lazy page, behind a role check when it names roles. */
function toRoute({ path, page, roles }: FeatureRoute): RouteObject {
  const Page = pageOf(page);
  return {
    path,
    element: roles ? (
      <RoleGate roles={[...roles]}>
        <Page />
      </RoleGate>
    ) : (
      <Page />
    ),
  };
}

/**
 * A page that fails to render (a chunk that no longer exists after an update, a bug) shows what went wrong and a
 * way to try again, instead of a blank screen (the data router that was here before did the same in English).
 */
class PageErrorBoundary extends Component<{ children: ReactNode; path: string }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  // Another page may work: moving on clears the error.
  override componentDidUpdate(previous: { path: string }) {
    if (previous.path !== this.props.path && this.state.error !== null) this.setState({ error: null });
  }
  override render() {
    if (this.state.error === null) return this.props.children;
    return <QueryError error={this.state.error} onRetry={() => window.location.reload()} />;
  }
}

/**
 * Reacts to a session that ended elsewhere (timeout, logout on another device) by going to the login page, and
 * holds the one dialog that asks for the password again before a sensitive action.
 */
function Root() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
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
      <PageErrorBoundary path={location.pathname}>
        <Outlet />
      </PageErrorBoundary>
      <ReauthDialog />
    </>
  );
}

export const routes: RouteObject[] = [
  {
    element: <Root />,
    children: [
      {
        element: <PublicLayout />,
        children: featureRoutes.filter((r) => r.layout === 'public').map(toRoute),
      },
      {
        element: <RequireAuth />,
        children: featureRoutes.filter((r) => (r.layout ?? 'app') === 'app').map(toRoute),
      },
      { element: <AnyLayout />, children: [{ path: '*', element: <NotFoundPage /> }] },
    ],
  },
];

/** The app's pages at the current address (inside App's BrowserRouter). */
export function AppRoutes() {
  return useRoutes(routes);
}
