import { useTranslation } from 'react-i18next';
import { isLocale, type Locale } from './languages.ts';

/**
 * Gregorian calendar and Western digits in every language, so a date reads the same as on the Dutch letters and
 * documents the person also gets (a Persian browser would otherwise show the Solar Hijri calendar, an Arabic one
 * Arabic-Indic digits). Month names are in the reader's language.
 */
const common = { calendar: 'gregory', numberingSystem: 'latn' } as const;
const tags: Record<Locale, string> = {
  nl: 'nl-NL',
  en: 'en-GB',
  ar: 'ar',
  ti: 'ti-ER',
  fa: 'fa',
  so: 'so',
  tr: 'tr',
  uk: 'uk',
};
/** The month as a word, written out ("2 december 2026"): abbreviations are harder to read, numbers ambiguous. */
const dayMonthYear = { ...common, day: 'numeric', month: 'long', year: 'numeric' } as const;
const tagOf = (language: string) => tags[isLocale(language) ? language : 'nl'];

/**
 * Tigrinya names of the Gregorian months (CLDR `ti`): many browsers (Chrome on Android among them) ship no
 * Tigrinya locale data and would print English month names.
 */
export const tigrinyaMonths = [
  'ጥሪ',
  'ለካቲት',
  'መጋቢት',
  'ሚያዝያ',
  'ግንቦት',
  'ሰነ',
  'ሓምለ',
  'ነሓሰ',
  'መስከረም',
  'ጥቅምቲ',
  'ሕዳር',
  'ታሕሳስ',
];
/** Tigrinya for "today", "yesterday", "tomorrow" and "N days ago / in N days", for the same reason. */
const tigrinyaDays = (days: number) =>
  days === 0
    ? 'ሎሚ'
    : days === -1
      ? 'ትማሊ'
      : days === 1
        ? 'ጽባሕ'
        : days < 0
          ? `ቅድሚ ${-days} መዓልቲ`
          : `ድሕሪ ${days} መዓልቲ`;

function asDate(value: string) {
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A Tigrinya date from its parts: "2 ታሕሳስ 2026", with the time when asked ("2 ታሕሳስ 2026 14:05"). */
function tigrinya(date: Date, timeZone: string | undefined, withTime: boolean) {
  const parts = new Intl.DateTimeFormat('en-GB', {
    ...common,
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    ...(timeZone ? { timeZone } : {}),
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${Number(part('day'))} ${tigrinyaMonths[Number(part('month')) - 1]} ${part('year')}`;
  return withTime ? `${day} ${part('hour')}:${part('minute')}` : day;
}

/** A calendar date like `2026-01-31` (no time zone: it is the same day everywhere). */
export function formatDate(value: string | null | undefined, language: string) {
  if (!value) return '';
  const date = asDate(value);
  if (!date) return value;
  const timeZone = value.length === 10 ? 'UTC' : undefined;
  if (language === 'ti') return tigrinya(date, timeZone, false);
  return new Intl.DateTimeFormat(tagOf(language), {
    ...dayMonthYear,
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** A moment, shown in the browser's time zone. */
export function formatDateTime(value: string | null | undefined, language: string) {
  if (!value) return '';
  const date = asDate(value);
  if (!date) return value;
  if (language === 'ti') return tigrinya(date, undefined, true);
  return new Intl.DateTimeFormat(tagOf(language), {
    ...dayMonthYear,
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
}

export function formatNumber(value: number, language: string) {
  return new Intl.NumberFormat(tagOf(language), { numberingSystem: 'latn' }).format(value);
}

/**
 * Days from now as people say it: "vandaag", "gisteren", "3 dagen geleden", never "0 dagen geleden"
 * (`Intl.RelativeTimeFormat` with `numeric: 'auto'`, which also picks each language's plural form).
 * `days` is negative for the past.
 */
export function formatDays(days: number, language: string) {
  const tag = tagOf(language);
  // ICU's Tigrinya says "in 3 days" for the past ("ኣብ 3 መዓልቲ"), and many browsers have no Tigrinya at all.
  if (language === 'ti') return tigrinyaDays(days);
  // Western digits through the tag (`-u-nu-latn`): TypeScript's options type lacks `numberingSystem`.
  return new Intl.RelativeTimeFormat(`${tag}-u-nu-latn`, { numeric: 'auto' }).format(days, 'day');
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
    /** `daysAgo(0)` is "today", `daysAgo(1)` "yesterday", `daysAgo(5)` "5 days ago". */
    daysAgo: (days: number) => formatDays(-days, language),
  };
}
