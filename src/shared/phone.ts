import { normaliseDigits } from './bsn.ts';

/** A phone number as typed, tidied: digits from other scripts in ASCII, invisible characters dropped, one space at most. */
export const tidyPhoneNumber = (value: string) => normaliseDigits(value).replace(/\s+/g, ' ').trim();

/**
 * True for a phone number (after `tidyPhoneNumber`). Dutch numbers have 10 digits (06-12345678, 020 123 4567,
 * +31 6 12345678, 0031 6 12345678, +31 (0)6 12345678); foreign numbers start with + or 00 and the country code and
 * have 8 to 15 digits (E.164). Spaces, dots, dashes, slashes and parentheses may group the digits.
 */
export function isPhoneNumber(value: string) {
  if (!/^\+?[\d ()./-]+$/.test(value)) return false;
  const digits = value.replace(/\(0\)/, '').replace(/\D/g, '');
  const international = value.startsWith('+') ? digits : digits.startsWith('00') ? digits.slice(2) : null;
  if (international === null) return /^0\d{9}$/.test(digits);
  if (international.startsWith('31')) return /^0?\d{9}$/.test(international.slice(2));
  return international.length >= 8 && international.length <= 15;
}
