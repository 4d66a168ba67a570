import { hash, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as english from '@zxcvbn-ts/language-en';
import { limits } from '../../shared/limits.ts';
import { DomainError } from '../context.ts';

// OWASP's minimum for argon2id: 19 MiB memory, 2 iterations.
const argonOptions = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * zxcvbn estimates how many guesses a password takes: its lists hold breached and common passwords of any
 * length (also the long ones a top-10,000 list misses), and it sees repeats ("aaaaaaaaaaaa"), sequences
 * ("123456789012"), keyboard walks, dates, and words from the context below.
 */
const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...english.dictionary },
  graphs: common.adjacencyGraphs,
  translations: english.translations,
});

/** Words an attacker tries first against Opstap accounts. */
const contextWords = ['opstap', 'vluchtelingenwerk', 'vluchteling', 'vip', 'vluchtelingen', 'participeren'];

/** zxcvbn's score 3: "safely unguessable", about 10^8 guesses and more. */
const minimumScore = 3;

/**
 * Length and guessability, no composition rules (NIST SP 800-63B): at least 12 characters, not a known or
 * predictable password, and not built from the person's name or e-mail address or from Opstap's own words.
 */
export function checkPasswordPolicy(password: string, person: { email?: string; displayName?: string } = {}) {
  if ([...password].length < limits.passwordMin)
    throw new DomainError('password.too_short', { field: 'password', min: limits.passwordMin });
  const personal = [
    ...(person.email ? [person.email, ...person.email.split(/[@.+_-]/)] : []),
    ...(person.displayName ? [person.displayName, ...person.displayName.split(/\s+/)] : []),
  ].filter((word) => word.length >= 3);
  const words = [...contextWords, ...personal.map((w) => w.toLowerCase())];
  // Without the name, the address and Opstap's words, enough must be left to guess.
  const rest = words.reduce((left, word) => left.split(word).join(''), password.toLowerCase());
  const { score } = estimator.check(password.slice(0, 100), words);
  if (score < minimumScore || [...rest].length < 6)
    throw new DomainError('password.too_common', { field: 'password' });
}

export const hashPassword = (password: string) => hash(password, argonOptions);

// Compared against when the account does not exist, so both answers take as long.
let dummyHash: Promise<string> | undefined;
export async function verifyPassword(passwordHash: string | null, password: string) {
  dummyHash ??= hashPassword('opstap-timing-equaliser');
  const target = passwordHash ?? (await dummyHash);
  const matches = await verify(target, password).catch(() => false);
  return matches && passwordHash !== null;
}
