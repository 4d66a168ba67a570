import type { TFunction } from 'i18next';

/**
 * The last part of a translation key as words, for a key without a text yet:
 * `training.card.session_planned` → `Session planned`. Better than showing the raw key.
 */
export function keyWords(key: string) {
  const last = key.split('.').pop() ?? '';
  const words = last.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

/**
 * The text of a key another module chose (a card title, a timeline entry, a reason on 'today'): those lists are
 * open, so a key may have no text here yet. Then `fallback`, else the key's last part as words.
 */
export function openKeyText(t: TFunction, key: string, fallback?: string) {
  return t(key, { defaultValue: fallback ?? keyWords(key) });
}
