// Every language's texts, merged as the app merges them: for the tests (the browser tests look up the words a
// page should show). The app never imports this file, which would ship every language to every reader
// (locales.test.ts checks that); it loads the reader's language only, through texts.ts.
import type { Locale } from './languages.ts';
import { mergeTexts, type Texts } from './texts.ts';
import type shell from './locales/nl.json';
import type access from '../features/access/locales/nl.json';
import type home from '../features/home/locales/nl.json';
import type organisation from '../features/organisation/locales/nl.json';
import type participants from '../features/participants/locales/nl.json';
import type portal from '../features/portal/locales/nl.json';
import type trajectories from '../features/trajectories/locales/nl.json';
import type training from '../features/training/locales/nl.json';
import type accessForParticipants from '../features/access/locales/participant/nl.json';
import type participantsForParticipants from '../features/participants/locales/participant/nl.json';
import type trajectoriesForParticipants from '../features/trajectories/locales/participant/nl.json';
import type trainingForParticipants from '../features/training/locales/participant/nl.json';

/**
 * The shape of the merged texts, for typed look-ups (`nl.errors.auth.invalid_credentials`). A new feature's
 * texts are in the merged values without being listed here; list its file when a test looks its texts up.
 */
export type AllTexts = typeof shell &
  typeof access &
  typeof home &
  typeof organisation &
  typeof participants &
  typeof portal &
  typeof trajectories &
  typeof training &
  typeof accessForParticipants &
  typeof participantsForParticipants &
  typeof trajectoriesForParticipants &
  typeof trainingForParticipants;

const files = import.meta.glob<Texts>(
  ['./locales/*.json', '../features/*/locales/*.json', '../features/*/locales/participant/*.json'],
  {
    eager: true,
    import: 'default',
  },
);

/** All texts of one language: the shell's and every feature's, in one tree. */
export function allTexts(language: Locale): AllTexts {
  const tree = Object.entries(files)
    .filter(([path]) => path.endsWith(`/${language}.json`))
    .reduce<Texts>((all, [, texts]) => mergeTexts(all, texts), {});
  return tree as unknown as AllTexts;
}

export const nl = allTexts('nl');
export const en = allTexts('en');
export const ar = allTexts('ar');
export const ti = allTexts('ti');
export const fa = allTexts('fa');
