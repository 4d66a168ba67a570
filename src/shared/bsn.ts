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

/** True when the text holds a 9-digit number (also written with dots or spaces, 1234.56.782) that could be a BSN. */
export function containsBsn(text: string) {
  const candidates = text.match(/(?<!\d)\d(?:[ .-]?\d){8}(?!\d)/g) ?? [];
  return candidates.some((candidate) => passesElevenTest(candidate.replace(/\D/g, '')));
}
