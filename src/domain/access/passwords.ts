import { readFileSync } from 'node:fs';
import { hash, verify } from '@node-rs/argon2';
import { limits } from '../../shared/limits.ts';
import { DomainError } from '../context.ts';

// OWASP's minimum for argon2id: 19 MiB memory, 2 iterations.
const argonOptions = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

let commonPasswords: Set<string> | undefined;
function isCommon(password: string) {
  commonPasswords ??= new Set(
    readFileSync(new URL('../../../data/common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter(Boolean),
  );
  return commonPasswords.has(password.toLowerCase());
}

/** Length and a blocklist of the 10,000 most common passwords; no composition rules (NIST SP 800-63B). */
export function checkPasswordPolicy(password: string) {
  if ([...password].length < limits.passwordMin)
    throw new DomainError('password.too_short', { field: 'password', min: limits.passwordMin });
  if (isCommon(password)) throw new DomainError('password.too_common', { field: 'password' });
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
