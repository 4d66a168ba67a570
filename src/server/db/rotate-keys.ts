import { eq, isNotNull, or } from 'drizzle-orm';
import { appUser, type SecretBox } from '../../domain/access/index.ts';
import type { Db } from '../../domain/db.ts';

/**
 * Re-encrypts every second-factor secret (enrolled and being set up) that is not sealed with the current key,
 * in one transaction: all or nothing. `box` must still open the old values (TOTP_ENCRYPTION_KEY_PREVIOUS).
 * Used by `npm run keys:rotate`.
 */
export async function rotateSecondFactorKeys(db: Db, box: SecretBox) {
  return db.transaction(async (tx) => {
    // FOR UPDATE: an app instance setting up a second factor meanwhile waits instead of being overwritten.
    const users = await tx
      .select({
        id: appUser.id,
        totpSecret: appUser.totpSecret,
        totpPendingSecret: appUser.totpPendingSecret,
      })
      .from(appUser)
      .where(or(isNotNull(appUser.totpSecret), isNotNull(appUser.totpPendingSecret)))
      .orderBy(appUser.createdAt, appUser.id)
      .for('update');
    let rotated = 0;
    let current = 0;
    const reseal = (userId: string, sealed: string | null) => {
      if (sealed === null) return null;
      if (box.isCurrent(sealed)) {
        current++;
        return sealed;
      }
      try {
        const resealed = box.seal(box.open(sealed));
        rotated++;
        return resealed;
      } catch (error) {
        throw new Error(`user ${userId}: ${(error as Error).message}`);
      }
    };
    for (const user of users) {
      const before = rotated;
      const totpSecret = reseal(user.id, user.totpSecret);
      const totpPendingSecret = reseal(user.id, user.totpPendingSecret);
      if (rotated > before)
        await tx.update(appUser).set({ totpSecret, totpPendingSecret }).where(eq(appUser.id, user.id));
    }
    return { rotated, current };
  });
}
