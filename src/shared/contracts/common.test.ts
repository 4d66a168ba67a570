import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  email,
  escoUri,
  isoDate,
  longText,
  optionalEmail,
  phone,
  recordKey,
  searchText,
  shortText,
} from './common.ts';

const messages = (schema: z.ZodType, value: unknown) =>
  schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];
const parsed = (schema: z.ZodType, value: unknown) => schema.parse(value);

describe('text', () => {
  it.each([shortText, longText, searchText])('refuses control characters and broken characters', (schema) => {
    expect(messages(schema, 'Ahmed\u0000')).toEqual(['contains a control character']);
    expect(messages(schema, 'a\u0007b')).toEqual(['contains a control character']);
    expect(messages(schema, 'a\u001bb')).toEqual(['contains a control character']);
    expect(messages(schema, 'a\u007fb')).toEqual(['contains a control character']);
    expect(messages(schema, 'a\u0085b')).toEqual(['contains a control character']);
    expect(messages(schema, 'a\ud800b')).toEqual(['contains an unpaired surrogate (broken character)']);
    expect(messages(schema, 'a\udc00')).toEqual(['contains an unpaired surrogate (broken character)']);
  });

  it('keeps tabs, newlines, emoji and every script; normalises line endings and to NFC', () => {
    expect(parsed(longText, ' regel 1\r\nregel 2\rregel\t3 ')).toBe('regel 1\nregel 2\nregel\t3');
    expect(parsed(shortText, 'Jose\u0301')).toBe('José');
    expect(parsed(shortText, '😀 تسفاي ተስፋይ Zoë')).toBe('😀 تسفاي ተስፋይ Zoë');
    expect(parsed(shortText, 'می\u200cخواهم')).toBe('می\u200cخواهم'); // Persian needs the zero-width non-joiner
  });

  it('refuses a BSN, also disguised', () => {
    expect(messages(shortText, 'bsn 111\u00a0222\u00a0333')).toEqual(['privacy.bsn_refused']);
    expect(messages(searchText, '١١١٢٢٢٣٣٣')).toEqual(['privacy.bsn_refused']);
  });

  it('counts the length after normalising', () => {
    expect(messages(searchText, 'x'.repeat(101))).toHaveLength(1);
    expect(parsed(searchText, `  ${'x'.repeat(100)}  `)).toHaveLength(100);
  });
});

describe('dates', () => {
  it('accepts real dates between 1900 and 2100', () => {
    for (const value of ['1900-01-01', '2024-02-29', '2026-03-02', '2100-12-31'])
      expect(parsed(isoDate, value)).toBe(value);
  });

  it.each([
    ['0000-01-01', 'must be between 1900-01-01 and 2100-12-31'],
    ['1899-12-31', 'must be between 1900-01-01 and 2100-12-31'],
    ['2101-01-01', 'must be between 1900-01-01 and 2100-12-31'],
    ['9999-12-31', 'must be between 1900-01-01 and 2100-12-31'],
    ['2026-02-30', 'not a real date (YYYY-MM-DD)'],
    ['2025-02-29', 'not a real date (YYYY-MM-DD)'],
    ['2026-13-01', 'not a real date (YYYY-MM-DD)'],
    ['2026-1-1', 'not a real date (YYYY-MM-DD)'],
    ['2026-01-01\u0000', 'not a real date (YYYY-MM-DD)'],
    ['+02026-01-01', 'not a real date (YYYY-MM-DD)'],
  ])('refuses %s', (value, message) => {
    expect(messages(isoDate, value)).toEqual([message]);
  });
});

describe('phone numbers', () => {
  it.each([
    ['', ''],
    ['0612345678', '0612345678'],
    ['06-12345678', '06-12345678'],
    ['020 123 4567', '020 123 4567'],
    ['(020) 123 4567', '(020) 123 4567'],
    ['+31 6 12345678', '+31 6 12345678'],
    ['+31 (0)6 1234 5678', '+31 (0)6 1234 5678'],
    ['0031 6 12345678', '0031 6 12345678'],
    ['+31 6 0000 0000', '+31 6 0000 0000'],
    ['+32 470 12 34 56', '+32 470 12 34 56'],
    ['+1 212 555 0100', '+1 212 555 0100'],
    ['0049 30 12345678', '0049 30 12345678'],
    [' 06\u00a012345678 ', '06 12345678'],
    ['٠٦١٢٣٤٥٦٧٨', '0612345678'],
  ])('accepts %j', (value, stored) => {
    expect(parsed(phone, value)).toBe(stored);
  });

  it.each([
    '612345678',
    '06123456789',
    '+31 6 1234567',
    '+123 456',
    '06 1234 5678 ext 12',
    'bel mij',
    '06\u000012345678',
  ])('refuses %j with a readable message', (value) => {
    expect(messages(phone, value)[0]).toMatch(/^not a phone number: a Dutch number has 10 digits/);
  });

  it.each(['111 222 333', '111222333', '+111 222 333', '111.222.333'])(
    'refuses the BSN look-alike %j',
    (value) => {
      expect(messages(phone, value)).toContain('privacy.bsn_refused');
    },
  );
});

describe('e-mail addresses', () => {
  it('trims and lower-cases', () => {
    expect(parsed(email, '  Hana.Yusuf@Example.ORG ')).toBe('hana.yusuf@example.org');
    expect(parsed(optionalEmail, '')).toBe('');
    expect(messages(email, '')).toEqual(['not an e-mail address']);
  });

  it.each(['a\u0000@example.org', 'a@example.org\u0000', 'a\ud800@example.org', 'geen adres', 'a@b'])(
    'refuses %j',
    (value) => {
      expect(messages(optionalEmail, value)).toEqual(['not an e-mail address']);
    },
  );

  it.each(['111222333@example.org', '111.222.333@example.org', 'bsn111_222_333@example.org'])(
    'refuses the BSN in %j',
    (value) => {
      expect(messages(email, value)).toEqual(['privacy.bsn_refused']);
    },
  );
});

describe('ESCO URIs', () => {
  it.each([
    'http://data.europa.eu/esco/occupation/f2cc5978-e45c-4f28-b859-7f89221b0505',
    'http://data.europa.eu/esco/skill/0005c151-5b5a-4a66-8aac-60e734beb1ab',
    'http://data.europa.eu/esco/isco/C0110',
  ])('accepts %s', (value) => {
    expect(parsed(escoUri, value)).toBe(value);
  });

  it.each([
    'https://evil.example/esco/occupation/f2cc5978-e45c-4f28-b859-7f89221b0505',
    'http://data.europa.eu/esco/occupation/111222333',
    'http://data.europa.eu/esco/occupation/f2cc5978-e45c-4f28-b859-7f89221b0505\u0000',
    'javascript:alert(1)',
    'kapper',
  ])('refuses %s', (value) => {
    expect(escoUri.safeParse(value).success).toBe(false);
  });
});

describe('record ids (audit filter)', () => {
  it('accepts ids of any kind in ASCII, refuses control characters and other scripts', () => {
    expect(parsed(recordKey, 'GM0363')).toBe('GM0363');
    expect(parsed(recordKey, '0b0c9a4e-3a39-4f6c-9d0a-6a1f0e1f2b3c')).toBe(
      '0b0c9a4e-3a39-4f6c-9d0a-6a1f0e1f2b3c',
    );
    expect(recordKey.safeParse('GM\u00000363').success).toBe(false);
    expect(recordKey.safeParse('a\ud800').success).toBe(false);
    expect(parsed(recordKey, 'GET /api/participants/:id')).toBe('GET /api/participants/:id');
    expect(recordKey.safeParse('Zoë').success).toBe(false);
  });
});
