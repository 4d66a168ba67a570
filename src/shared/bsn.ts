/**
 * Opstap must never hold a BSN (citizen service number): an NGO may not use it, and consent does not change that.
 * Municipal lists are keyed by BSN, so people paste them by accident. A BSN is 9 digits that pass the
 * "11-test": 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11.
 */
export function passesElevenTest(digits: string) {
  if (!/^\d{9}$/.test(digits) || digits === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * (9 - i);
  sum -= Number(digits[8]);
  return sum % 11 === 0;
}

/** Invisible characters (zero-width space and joiners, word joiner, byte order mark, bidi marks) and combining marks. */
const invisible = /[\p{Cf}\p{M}]/gu;
const decimalDigit = /\p{Nd}/u;
/**
 * What people put between digit groups: any space, dot, dash (also the minus sign), slash, underscore or
 * parenthesis (+31 (0)6 …). A run of them counts as one separator.
 */
const separator = String.raw`[\s\p{Zs}.\u00B7\u2024\u2027\u30FB\p{Pd}\u2212\u2796\u2E3A\u2E3B\/\\\u2044\u2215\u29F8\p{Pc}()]`;
const numberRun = new RegExp(String.raw`(\+?)(\d+(?:${separator}+\d+)*)`, 'gu');
const separators = new RegExp(`${separator}+`, 'u');

/**
 * The ASCII value of a Unicode decimal digit. Unicode assigns decimal digits only in contiguous runs
 * from 0 to 9, so the number of digits just before it (modulo 10) is its value.
 */
function digitValue(char: string) {
  let code = char.codePointAt(0)!;
  let before = 0;
  while (before < 60 && decimalDigit.test(String.fromCodePoint(code - 1))) {
    before++;
    code--;
  }
  return String(before % 10);
}

/** Writes every digit in ASCII and drops the characters that do not show, so look-alikes of a number become the number. */
export function normaliseDigits(text: string) {
  return text
    .normalize('NFKC') // full-width and mathematical digits, full-width punctuation
    .replace(invisible, '')
    .replace(/\p{Nd}/gu, (digit) => (/[0-9]/.test(digit) ? digit : digitValue(digit)));
}

/**
 * True when the text holds a 9-digit number that passes the 11-test: written plainly, in groups with any spaces,
 * dots, dashes, slashes or underscores between them (1234.56.782, 111 / 222 / 333), with invisible characters in
 * between, or in other scripts' digits (١١١٢٢٢٣٣٣). The nine digits are whole digit groups: a date (12-03-2024),
 * a phone number (06-12345678, 020 123 4567) or a postcode does not count. An international phone number
 * (+31 6 12345678, 0031 6 12345678) is read from its start only.
 */
export function containsBsn(text: string) {
  const normalised = normaliseDigits(text);
  for (const match of normalised.matchAll(numberRun)) {
    const groups = match[2]!.split(separators);
    const total = groups.reduce((sum, group) => sum + group.length, 0);
    if (total < 9) continue;
    const international = (match[1] === '+' || groups[0]!.startsWith('00')) && total >= 10 && total <= 15;
    const starts = international ? 1 : groups.length;
    for (let start = 0; start < starts; start++) {
      let digits = '';
      for (let end = start; end < groups.length && digits.length < 9; end++) digits += groups[end];
      if (digits.length === 9 && passesElevenTest(digits)) return true;
    }
  }
  return false;
}
