// The entry: a few kilobytes that start, at once and side by side, everything the first page waits for, so that
// a phone on a slow network does not wait for one thing after another: who is signed in; the texts of the
// reader's language (and only that language); the page at this address, and on the start page the home page of
// the person's role with the API answers it shows first; and the app itself, whose files index.html already
// preloads (vite.config.ts). React renders once the texts are in, so nothing shows in the wrong language.
import './styles.css';
import type { Me } from '../shared/contracts/index.ts';
import type { EarlyData } from './features/feature.ts';
import {
  defaultLocale,
  languageFor,
  languageFromSearch,
  rememberLanguage,
  storedLanguage,
} from './i18n/languages.ts';
import { loadTexts } from './i18n/texts.ts';

/** A GET of the API as JSON; fails on any answer but a success (the page then asks again in its usual way). */
async function get(path: string): Promise<unknown> {
  const response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } });
  // Read the body in every case: an unread one keeps the request open.
  const body = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return JSON.parse(body);
}

/** Who is signed in: `null` for nobody, `undefined` when the server could not say (the app asks again). */
async function signedIn(): Promise<Me | null | undefined> {
  try {
    return (await get('/api/auth/me')) as Me;
  } catch (error) {
    return error instanceof Error && error.message.endsWith(': 401') ? null : undefined;
  }
}

/**
 * `?lang=` in a link wins and is remembered; then the choice made on this device; then the account's language.
 * The link's `?lang=` stays in the address until the app runs: LanguageSync then removes it and, for a signed-in
 * person, makes it the account's language too.
 */
async function chooseLanguage(me: Promise<Me | null | undefined>) {
  const fromUrl = languageFromSearch(window.location.search);
  if (fromUrl) rememberLanguage(fromUrl);
  const person = await me;
  const wanted = fromUrl ?? storedLanguage() ?? person?.preferredLanguage ?? defaultLocale;
  return languageFor(
    person?.roles.map((r) => r.role),
    wanted,
  );
}

const { pathname } = window.location;
const me = signedIn();
const language = chooseLanguage(me);
const texts = language.then(loadTexts);
const app = import('./App.tsx');
const data: (EarlyData & { answer: Promise<unknown> })[] = [];
const fetchEarly = (early: EarlyData) => {
  const answer = get(early.path);
  answer.catch(() => undefined); // a failure is the page's to report, when it asks again
  data.push({ ...early, answer });
};
// Whether this is a demo: the banner on every page (components/DemoBanner.tsx reads it under this key).
fetchEarly({ key: ['health'], path: '/api/health' });
// The feature declarations say which page shows this path, and what a home page starts with. Their chunks are
// small and load beside the app's, so the first screen waits for them: it then shows the page at once instead of
// a spinner (and React's pause before it replaces one).
const pages = import('./features/registry.ts').then(async ({ preloadPage, preloadHome, whenPreloaded }) => {
  preloadPage(pathname);
  const roles = (await me)?.roles.map((r) => r.role) ?? [];
  preloadHome(pathname, roles).forEach(fetchEarly);
  await whenPreloaded();
});

void Promise.all([app, language, texts, me, pages]).then(([{ startApp }, language, texts, me]) =>
  startApp(document.getElementById('root')!, { language, texts, me, data }),
);
