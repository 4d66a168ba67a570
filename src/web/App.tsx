// Mantine's base styles; each component's own CSS comes with the chunk that uses it (vite.config.ts).
import '@mantine/core/styles/baseline.layer.css';
import '@mantine/core/styles/default-css-variables.layer.css';
import '@mantine/core/styles/global.layer.css';
import { startTransition, StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import type { Me } from '../shared/contracts/index.ts';
import { ApiError } from './api.ts';
import { meKey } from './auth/me.ts';
import { setupI18n } from './i18n/index.ts';
import { directionOf, isLocale, type Locale } from './i18n/languages.ts';
import type { Texts } from './i18n/texts.ts';
import { AppRoutes } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Retry only what may pass on a second try: not "forbidden", "not found" or invalid input.
      retry: (count, error) =>
        count < 2 && (!(error instanceof ApiError) || error.status >= 500 || error.status === 0),
    },
  },
});

/** Mirrors the layout when the language is written right to left. */
function DirectionSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const dir = directionOf(isLocale(i18n.language) ? i18n.language : 'nl');
  useEffect(() => setDirection(dir), [dir, setDirection]);
  return null;
}

export function App() {
  return (
    <DirectionProvider initialDirection={document.documentElement.dir === 'rtl' ? 'rtl' : 'ltr'}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
        <DirectionSync />
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}

/**
 * Renders the app; main.tsx calls it once the texts are in, with who is signed in, and the API answers it asked
 * for early: the queries of the first page find them in flight or done instead of asking again.
 */
export function startApp(
  root: HTMLElement,
  start: {
    language: Locale;
    texts: Texts;
    me: Me | null | undefined;
    data: { key: readonly unknown[]; answer: Promise<unknown> }[];
  },
) {
  if (start.me !== undefined) queryClient.setQueryData(meKey, start.me);
  for (const { key, answer } of start.data)
    void queryClient.prefetchQuery({ queryKey: key, queryFn: () => answer });
  setupI18n(start.language, start.texts);
  // A transition, so React renders the first screen in slices and a phone stays responsive meanwhile.
  startTransition(() =>
    createRoot(root).render(
      <StrictMode>
        <App />
      </StrictMode>,
    ),
  );
}
