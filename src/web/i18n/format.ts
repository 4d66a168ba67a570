import { useTranslation } from 'react-i18next';
import { isLocale, type Locale } from './languages.ts';

/** Gregorian calendar and Western digits in every language, so dates read the same for everyone. */
const common = { calendar: 'gregory', numberingSystem: 'latn' } as const;
const tags: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB', ar: 'ar' };
const tagOf = (language: string) => tags[isLocale(language) ? language : 'nl'];

/** A calendar date like `2026-01-31` (no time zone: it is the same day everywhere). */
export function formatDate(value: string | null | undefined, language: string) {
  if (!value) return '';
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(tagOf(language), {
    ...common,
    dateStyle: 'medium',
    ...(value.length === 10 ? { timeZone: 'UTC' } : {}),
  }).format(date);
}

/** A moment, shown in the browser's time zone. */
export function formatDateTime(value: string | null | undefined, language: string) {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(tagOf(language), {
    ...common,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

export function formatNumber(value: number, language: string) {
  return new Intl.NumberFormat(tagOf(language), { numberingSystem: 'latn' }).format(value);
}

/** The formatters bound to the current UI language. */
export function useFormat() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    date: (value: string | null | undefined) => formatDate(value, language),
    dateTime: (value: string | null | undefined) => formatDateTime(value, language),
    /** A date (`2026-01-31`) as a date, a moment as a date and time. */
    when: (value: string | null | undefined) =>
      value && value.length > 10 ? formatDateTime(value, language) : formatDate(value, language),
    number: (value: number) => formatNumber(value, language),
  };
}
