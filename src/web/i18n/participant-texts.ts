// Which texts a participant reads, so that the portal's eight languages cover them while the staff screens stay in
// Dutch, English and Arabic. Node reads this file too (the locale test, `npm run i18n:export`): keep it plain.
import { staffLocales, type Locale } from '../../shared/locales.ts';

/** The languages only the participant's pages speak. */
export const portalOnlyLocales: readonly Locale[] = ['ti', 'fa', 'so', 'tr', 'uk'];

/**
 * Per text folder (`shell` is src/web/i18n/locales, the others src/web/features/<name>/locales): `all`, or the
 * key paths the participant's pages use (a group such as `login`, or one text such as `questions.answerBy`).
 * A folder not listed is for staff only and has files for nl, en and ar alone. Sign-in pages are here because a
 * participant signs in and accepts the invitation in their language; the CV headings because the participant
 * reads their own CV.
 */
export const participantTexts: Record<string, 'all' | readonly string[]> = {
  shell: 'all',
  portal: 'all',
  access: ['password', 'login', 'totp', 'forgot', 'reset', 'invitation'],
  participants: ['cv'],
  trajectories: ['goalKind', 'meetingMode', 'questions.answerBy', 'questions.theCoachTeam'],
  // The portal's group card, the trainer in "who can see my file", and the codes the API may answer.
  training: ['training.card', 'portal', 'errors'],
};

/** The languages a folder has files for. */
export const localesOf = (folder: string): readonly Locale[] =>
  folder in participantTexts ? [...staffLocales, ...portalOnlyLocales] : staffLocales;

type Tree = { [key: string]: string | Tree };

/** The part of a translation tree a participant reads (the whole tree for `all`). */
export function participantPart(folder: string, tree: Tree): Tree {
  const paths = participantTexts[folder];
  if (!paths) return {};
  if (paths === 'all') return tree;
  const part: Tree = {};
  for (const path of paths) {
    const keys = path.split('.');
    let source: Tree | string | undefined = tree;
    let target = part;
    keys.forEach((key, i) => {
      if (typeof source !== 'object') return;
      // A plural text (`years_one`, `years_other`) is picked by its base name.
      const names = Object.keys(source).filter(
        (k) => k === key || k.replace(/_(zero|one|two|few|many|other)$/, '') === key,
      );
      for (const name of names) {
        const value: Tree | string = source[name]!;
        if (i === keys.length - 1) target[name] = value;
      }
      if (i < keys.length - 1) {
        source = source[key];
        target = (target[key] ??= {}) as Tree;
      }
    });
  }
  return part;
}
