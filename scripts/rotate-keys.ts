// Re-encrypts second-factor secrets with a new key: `npm run keys:rotate`, with TOTP_ENCRYPTION_KEY set to the
// new key and TOTP_ENCRYPTION_KEY_PREVIOUS to the old one (docs/security.md, "Rotating the key"). Safe to run
// again. On the embedded database, stop the app first: it has a single connection.
import { loadConfig } from '../src/server/config.ts';
import { openDatabase } from '../src/server/db/client.ts';
import { rotateSecondFactorKeys } from '../src/server/db/rotate-keys.ts';
import { loadSecretBox } from '../src/server/secret-key.ts';

try {
  const config = loadConfig();
  if (!config.TOTP_ENCRYPTION_KEY)
    throw new Error('set TOTP_ENCRYPTION_KEY to the new key and TOTP_ENCRYPTION_KEY_PREVIOUS to the old one');
  const database = await openDatabase(config);
  try {
    const { rotated, current } = await rotateSecondFactorKeys(database.db, loadSecretBox(config));
    console.log(
      `Re-encrypted ${rotated} second-factor secrets with the new key (${current} already used it). ` +
        'You can remove TOTP_ENCRYPTION_KEY_PREVIOUS now.',
    );
  } finally {
    await database.close();
  }
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Key rotation failed, nothing was changed: ${message}`);
  process.exitCode = 1;
}
