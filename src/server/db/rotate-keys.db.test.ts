import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appUser, createSecretBox } from '../../domain/access/index.ts';
import { createTestDatabase } from '../testing/test-app.ts';
import { rotateSecondFactorKeys } from './rotate-keys.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.dispose());

const oldKey = randomBytes(32);
const newKey = randomBytes(32);
const oldBox = createSecretBox(oldKey);
const rotatingBox = createSecretBox(newKey, [oldKey]);

async function addUser(
  email: string,
  secrets: { totpSecret?: string; totpPendingSecret?: string },
  createdAt = new Date(),
) {
  const [user] = await database.db
    .insert(appUser)
    .values({ email, displayName: email, createdAt, ...secrets })
    .returning({ id: appUser.id });
  return user!.id;
}
const secretsOf = async (id: string) =>
  (
    await database.db
      .select({ totpSecret: appUser.totpSecret, totpPendingSecret: appUser.totpPendingSecret })
      .from(appUser)
      .where(eq(appUser.id, id))
  )[0]!;

it('re-encrypts secrets sealed with the old key and leaves current ones alone', async () => {
  const old = await addUser('old@example.org', {
    totpSecret: oldBox.seal('OLD-ENROLLED'),
    totpPendingSecret: oldBox.seal('OLD-PENDING'),
  });
  const currentSealed = rotatingBox.seal('ALREADY-NEW');
  const mixed = await addUser('mixed@example.org', {
    totpSecret: currentSealed,
    totpPendingSecret: oldBox.seal('MIXED-PENDING'),
  });
  const current = await addUser('new@example.org', { totpSecret: currentSealed });
  const none = await addUser('none@example.org', {});

  expect(await rotateSecondFactorKeys(database.db, rotatingBox)).toEqual({ rotated: 3, current: 2 });

  const newOnly = createSecretBox(newKey); // what runs after TOTP_ENCRYPTION_KEY_PREVIOUS is removed
  const rotated = await secretsOf(old);
  expect(newOnly.open(rotated.totpSecret!)).toBe('OLD-ENROLLED');
  expect(newOnly.open(rotated.totpPendingSecret!)).toBe('OLD-PENDING');
  expect(() => oldBox.open(rotated.totpSecret!)).toThrow();
  const mixedAfter = await secretsOf(mixed);
  expect(mixedAfter.totpSecret).toBe(currentSealed);
  expect(newOnly.open(mixedAfter.totpPendingSecret!)).toBe('MIXED-PENDING');
  expect((await secretsOf(current)).totpSecret).toBe(currentSealed);
  expect(await secretsOf(none)).toEqual({ totpSecret: null, totpPendingSecret: null });

  // Running it again changes nothing.
  expect(await rotateSecondFactorKeys(database.db, rotatingBox)).toEqual({ rotated: 0, current: 5 });
});

it('changes nothing when one secret cannot be opened', async () => {
  const pending = await addUser('pending@example.org', { totpPendingSecret: oldBox.seal('PENDING') });
  const before = await secretsOf(pending);
  // Sealed with a key nobody has; handled after the other user, whose new value must be rolled back.
  const unknown = createSecretBox(randomBytes(32)).seal('LOST');
  const lost = await addUser('lost@example.org', { totpSecret: unknown }, new Date('2999-01-01T00:00:00Z'));
  await expect(rotateSecondFactorKeys(database.db, rotatingBox)).rejects.toThrow(
    new RegExp(`user ${lost}: .*unknown key`),
  );
  expect(await secretsOf(pending)).toEqual(before);
  expect((await secretsOf(lost)).totpSecret).toBe(unknown);
});
