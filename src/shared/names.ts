/**
 * A spelling-tolerant key for names written in Latin script from Arabic, Tigrinya, Dari and other scripts:
 * Mohammed, Muhammad and Mohamed all become "mahamad", while Mahmoud stays "mahmad". Per word: lower-case,
 * accents removed, common spelling pairs merged, every run of vowels written as one "a", a final vowel dropped,
 * doubled letters collapsed.
 */
export function nameKey(name: string) {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map(wordKey)
    .join(' ');
}

function wordKey(word: string) {
  return word
    .replace(/ph/g, 'f')
    .replace(/ck|q|kh/g, 'k')
    .replace(/dh/g, 'd')
    .replace(/th/g, 't')
    .replace(/z/g, 's')
    .replace(/w/g, 'v')
    .replace(/j/g, 'y')
    .replace(/([aeiou])ye?$/, '$1') // Tesfay, Tesfaye and Tesfai end alike
    .replace(/(.)\1+/g, '$1')
    .replace(/[aeiou]+/g, 'a')
    .replace(/(.)a$/, '$1');
}
