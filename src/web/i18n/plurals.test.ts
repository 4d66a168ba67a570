import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { locales } from '../../shared/locales.ts';
import { allTexts } from './all-texts.ts';
import { formatDate, formatDateTime, formatDays } from './format.ts';

// i18next picks the plural form with Intl.PluralRules: Arabic has all six (zero, one, two, few, many, other).
const instance = i18next.createInstance();
await instance.init({
  lng: 'ar',
  resources: Object.fromEntries(locales.map((l) => [l, { translation: allTexts(l) }])),
  interpolation: { escapeValue: false },
});
const removed = (lng: string, count: number) => instance.t('portal.removed', { lng, count });

describe('plural forms through i18next', () => {
  it('Arabic: 0, 1, 2, 3, 11 and 100 each take their own form', () => {
    expect(removed('ar', 0)).toBe('لم يُحذف أي هدف أو خطوة.');
    expect(removed('ar', 1)).toBe('حُذف هدف أو خطوة واحدة.');
    expect(removed('ar', 2)).toBe('حُذف هدفان أو خطوتان.');
    expect(removed('ar', 3)).toBe('حُذفت 3 أهداف أو خطوات.');
    expect(removed('ar', 11)).toBe('حُذف 11 هدفًا أو خطوة.');
    expect(removed('ar', 100)).toBe('حُذف 100 هدف أو خطوة.');
  });

  it('Ukrainian: one, few and many', () => {
    expect(removed('uk', 1)).toBe('Вилучено 1 ціль або крок.');
    expect(removed('uk', 3)).toBe('Вилучено 3 цілі або кроки.');
    expect(removed('uk', 11)).toBe('Вилучено 11 цілей або кроків.');
    expect(removed('uk', 21)).toBe('Вилучено 21 ціль або крок.');
  });

  it('Dutch, English and Tigrinya: one and other', () => {
    expect(removed('nl', 1)).toBe('1 doel of stap is weggehaald.');
    expect(removed('nl', 2)).toBe('2 doelen of stappen zijn weggehaald.');
    expect(removed('en', 1)).toBe('1 goal or step was removed.');
    expect(removed('ti', 4)).toBe('4 ዕላማታት ወይ ስጉምትታት ተኣልዮም።');
  });
});

describe("days and dates in the reader's language", () => {
  it('say today and yesterday, never "0 days ago"', () => {
    expect(formatDays(0, 'nl')).toBe('vandaag');
    expect(formatDays(-1, 'nl')).toBe('gisteren');
    expect(formatDays(-3, 'nl')).toBe('3 dagen geleden');
    expect(formatDays(0, 'en')).toBe('today');
    expect(formatDays(-35, 'en')).toBe('35 days ago');
    expect(formatDays(0, 'ar')).toBe('اليوم');
    expect(formatDays(-35, 'ar')).toBe('قبل 35 يومًا');
    expect(formatDays(-3, 'ar')).toBe('قبل 3 أيام');
    expect(formatDays(-1, 'fa')).toBe('دیروز');
    expect(formatDays(-1, 'tr')).toBe('dün');
    expect(formatDays(-5, 'uk')).toBe('5 днів тому');
    expect(formatDays(0, 'ti')).toBe('ሎሚ');
    expect(formatDays(-1, 'ti')).toBe('ትማሊ');
    expect(formatDays(-3, 'ti')).toBe('ቅድሚ 3 መዓልቲ');
  });

  it("name the month in the reader's language, in the Gregorian calendar with Western digits", () => {
    expect(formatDate('2026-12-02', 'nl')).toBe('2 december 2026');
    expect(formatDate('2026-12-02', 'ar')).toBe('2 ديسمبر 2026');
    // Persian would otherwise be the Solar Hijri year 1405 in Persian digits.
    expect(formatDate('2026-12-02', 'fa')).toBe('2 دسامبر 2026');
    expect(formatDate('2026-12-02', 'tr')).toBe('2 Aralık 2026');
    expect(formatDate('2026-12-02', 'uk')).toContain('2 грудня 2026');
    expect(formatDate('2026-12-02', 'so')).toMatch(/Diseembar/);
    // Tigrinya month names are shipped: many browsers have no Tigrinya.
    expect(formatDate('2026-12-02', 'ti')).toBe('2 ታሕሳስ 2026');
    expect(formatDate('2026-01-31', 'ti')).toBe('31 ጥሪ 2026');
    expect(formatDateTime('2026-06-15T12:05:00Z', 'ti')).toMatch(/^15 ሰነ 2026 \d\d:05$/);
    for (const locale of locales) expect(formatDate('2026-12-02', locale), locale).toMatch(/2026/);
  });
});
