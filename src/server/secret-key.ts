import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createSecretBox, parseKey, type SecretBox } from '../domain/access/index.ts';
import type { Config } from './config.ts';

/**
 * The key that encrypts second-factor secrets. In production it must come from TOTP_ENCRYPTION_KEY (config.ts
 * refuses to start without it). In demo mode without it, a key is made once and kept in DATA_DIR/totp.key,
 * readable by the owner only, so restarts keep working.
 */
export function loadSecretBox(config: Config): SecretBox {
  const previous = config.TOTP_ENCRYPTION_KEY_PREVIOUS ? [config.TOTP_ENCRYPTION_KEY_PREVIOUS] : [];
  if (config.TOTP_ENCRYPTION_KEY) return createSecretBox(config.TOTP_ENCRYPTION_KEY, previous);
  const dir = config.DATA_DIR.replace(/\/$/, '');
  const file = `${dir}/totp.key`;
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  }
  return createSecretBox(parseKey(readFileSync(file, 'utf8')), previous);
}
