import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Encrypts secrets kept in the database (second-factor secrets) with AES-256-GCM, so a copy of the database
 * alone does not give anyone's codes. The key comes from TOTP_ENCRYPTION_KEY; during a rotation the previous
 * key still decrypts (TOTP_ENCRYPTION_KEY_PREVIOUS) until `npm run keys:rotate` has re-encrypted everything.
 * Stored form: `v1.<key id>.<iv>.<ciphertext>.<tag>` (base64url parts).
 */
export type SecretBox = {
  seal(plain: string): string;
  open(sealed: string): string;
  /** True when the value is sealed with the current key (the rotation skips those). */
  isCurrent(sealed: string): boolean;
};

/** A key as configured: 32 bytes, written as 64 hex characters or 43/44 base64 characters. */
export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  if (key.length !== 32) throw new Error('must be 32 bytes, as 64 hex characters or base64');
  return key;
}

const keyId = (key: Buffer) => createHash('sha256').update(key).digest('hex').slice(0, 8);

export function createSecretBox(current: Buffer, previous: Buffer[] = []): SecretBox {
  const keys = new Map([current, ...previous].map((key) => [keyId(key), key]));
  const currentId = keyId(current);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', currentId, iv, body, cipher.getAuthTag()]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [version, id, iv, body, tag] = sealed.split('.');
      const key = id ? keys.get(id) : undefined;
      if (version !== 'v1' || !key || !iv || !body || !tag)
        throw new Error('secret sealed with an unknown key: set TOTP_ENCRYPTION_KEY_PREVIOUS');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    isCurrent: (sealed) => sealed.startsWith(`v1.${currentId}.`),
  };
}

/** For tests and one-off scripts: a box with a random key that lives as long as the process. */
export const ephemeralSecretBox = () => createSecretBox(randomBytes(32));
