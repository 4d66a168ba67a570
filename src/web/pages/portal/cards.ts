import type { TFunction } from 'i18next';
import type { ResponseOf } from '../../api.ts';
import { safeNext } from '../../errors.ts';
import { openKeyText } from '../../i18n/keys.ts';

/** What another module shows on the portal home (a training session, a placement check-in, …). */
export type PortalCard = ResponseOf<'GET', '/api/portal'>['cards'][number];

/** A card's title is a translation key of the module that adds it; without a text, its last part as words. */
export const cardTitle = (t: TFunction, card: Pick<PortalCard, 'title'>) => openKeyText(t, card.title);

/**
 * Where a card's link goes: a page of Opstap (a path, opened in the app) or a page elsewhere over https (opened
 * as a normal link). Anything else is shown as no link at all.
 */
export function cardLink(link: string | null): { to: string } | { href: string } | null {
  if (!link) return null;
  const path = safeNext(link);
  if (path) return { to: path };
  try {
    const url = new URL(link);
    return url.protocol === 'https:' ? { href: url.href } : null;
  } catch {
    return null;
  }
}
