import { describe, expect, it } from 'vitest';
import { containsBsn, normaliseDigits, passesElevenTest } from './bsn.ts';

describe('BSN detection', () => {
  it('knows the 11-test', () => {
    expect(passesElevenTest('111222333')).toBe(true);
    expect(passesElevenTest('123456782')).toBe(true);
    expect(passesElevenTest('123456789')).toBe(false);
    expect(passesElevenTest('000000000')).toBe(false);
  });

  it('finds a BSN in free text, also with dots or spaces', () => {
    expect(containsBsn('bsn 111222333 graag')).toBe(true);
    expect(containsBsn('1234.56.782')).toBe(true);
    expect(containsBsn('1234 56 782')).toBe(true);
    expect(containsBsn('111-222-333')).toBe(true);
    expect(containsBsn('nr.111222333.')).toBe(true);
    expect(containsBsn('111222333@example.org')).toBe(true);
  });

  it.each([
    ['double spaces', '111  222  333'],
    ['a tab and a newline', '111\t222\n333'],
    ['non-breaking spaces', '111\u00a0222\u00a0333'],
    ['en quad and hair spaces', '111\u2000222\u200a333'],
    ['narrow no-break spaces', '111\u202f222\u202f333'],
    ['ideographic spaces', '111\u3000222\u3000333'],
    ['slashes', '111/222/333'],
    ['slashes with spaces', '111 / 222 / 333'],
    ['underscores', '111_222_333'],
    ['en dashes', '111\u2013222\u2013333'],
    ['em dashes', '111\u2014222\u2014333'],
    ['minus signs', '111\u2212222\u2212333'],
    ['hyphens and figure dashes', '111\u2010222\u2012333'],
    ['mixed separators', '111 -_ 222 ./ 333'],
    ['dots in other places', '11.12.22.333'],
    ['single digits', '1 1 1 2 2 2 3 3 3'],
    ['zero-width spaces', '111\u200b222\u200b333'],
    ['zero-width joiners', '111\u200c222\u200d333'],
    ['word joiners', '111\u2060222\u2060333'],
    ['byte order marks', '111\ufeff222\ufeff333'],
    ['soft hyphens', '111\u00ad222\u00ad333'],
    ['bidi marks', '\u202e111222333\u202c'],
    ['Arabic-Indic digits', '\u0661\u0661\u0661\u0662\u0662\u0662\u0663\u0663\u0663'],
    ['Extended Arabic-Indic digits', '\u06f1\u06f1\u06f1\u06f2\u06f2\u06f2\u06f3\u06f3\u06f3'],
    ['full-width digits', '\uff11\uff11\uff11\uff12\uff12\uff12\uff13\uff13\uff13'],
    ['Devanagari digits', '\u0967\u0967\u0967\u0968\u0968\u0968\u0969\u0969\u0969'],
    ['Bengali digits', '\u09e7\u09e7\u09e7\u09e8\u09e8\u09e8\u09e9\u09e9\u09e9'],
    ['Myanmar digits', '\u1041\u1041\u1041\u1042\u1042\u1042\u1043\u1043\u1043'],
    ['mathematical digits', '𝟏𝟏𝟏𝟐𝟐𝟐𝟑𝟑𝟑'],
    ['double-struck digits', '𝟙𝟙𝟙𝟚𝟚𝟚𝟛𝟛𝟛'],
    ['mixed scripts and separators', '\u0661\u0661\u0661\u00a0222\u2013\uff13\uff13\uff13'],
    ['after another number', 'tel 0612345678 / 111222333'],
    ['after a small number', '(2) 111 222 333'],
    ['as a foreign phone number', '+111 222 333'],
    ['after letters', 'klantnummer111222333'],
  ])('finds a BSN written with %s', (_, text) => {
    expect(containsBsn(text)).toBe(true);
    expect(containsBsn(`Aangemeld door gemeente, nummer ${text} erbij`)).toBe(true);
  });

  it('writes look-alike digits in ASCII', () => {
    expect(normaliseDigits('\u0661\u0662\u0663 \u06f4\u06f5 \uff16 \u0967 𝟖 𝟡')).toBe('123 45 6 1 8 9');
    expect(normaliseDigits('1\u200b2\ufeff3')).toBe('123');
  });

  it('leaves other numbers alone', () => {
    expect(containsBsn('123456789')).toBe(false); // fails the 11-test
    expect(containsBsn('123 456 789')).toBe(false);
    expect(containsBsn('1112223334')).toBe(false); // ten digits
    expect(containsBsn('11122233')).toBe(false); // eight digits
    expect(containsBsn('Woont sinds 2021 in Utrecht, 3 kinderen')).toBe(false);
  });

  it.each([
    ['a date', 'Gesprek op 12-03-2024 om 10.30 uur'],
    ['dates in a row', '12-03-2024, 13-03-2024 en 01/04/2024'],
    ['a date range', '01-01-2024 t/m 31-12-2024'],
    ['a date and time', '2024-03-12 10:30'],
    ['a mobile number', 'Bel 06-12345678 of 06 1234 5678'],
    [
      'mobile numbers that hide a passing 9-digit tail',
      '0111222333, 0611122233, 06 1112 2233, 06 11 12 22 33',
    ],
    ['a landline number', '020 123 4567, (020) 123 4567, 030-2345678'],
    ['an international number', '+31 6 11122233 3, +31 (0)6 1112 2233, 0031 6 111222333'],
    ['other international numbers', '+32 470 12 34 56, +49 30 1112223 33'],
    ['a postcode', 'Postcode 3511 AB, huisnummer 12'],
    ['an amount', '€ 1.250,00 per maand'],
    ['a KvK number', 'KvK 12345678'],
    ['an IBAN', 'NL91 ABNA 0417 1643 00'],
    ['words only', 'Wil graag in de zorg werken'],
    ['Arabic text', 'يريد العمل في مجال الرعاية'],
  ])('does not mistake %s for a BSN', (_, text) => {
    expect(containsBsn(text)).toBe(false);
  });
});
