// Which texts a participant reads, so that the portal's eight languages cover them while the staff screens stay in
// Dutch, English and Arabic. Node reads this file too (the locale test, `npm run i18n:export`): keep it plain.
import { staffLocales, type Locale } from '../../shared/locales.ts';

/** The languages only the participant's pages speak. */
export const portalOnlyLocales: readonly Locale[] = ['ti', 'fa', 'so', 'tr', 'uk'];

/**
 * The text folders a participant reads have all eight languages: the shell (src/web/i18n/locales), the portal, and
 * each feature's `locales/participant` folder (the sign-in and invitation pages, CV headings, goal kinds, the
 * portal's group card, error texts). Every other folder is for staff only and has files for nl, en and ar. A
 * folder is named as the tests and `npm run i18n:export` name it: `shell`, `portal`, `access/participant`.
 */
export const isParticipantFolder = (folder: string) =>
  folder === 'shell' || folder === 'portal' || folder.endsWith('/participant');

/** The languages a folder has files for. */
export const localesOf = (folder: string): readonly Locale[] =>
  isParticipantFolder(folder) ? [...staffLocales, ...portalOnlyLocales] : staffLocales;
