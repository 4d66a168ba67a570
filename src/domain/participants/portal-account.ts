import { eq } from 'drizzle-orm';
import { isLocale } from '../../shared/locales.ts';
import { appUser, auditParticipant, createInvitedUser, sendOneTimeLink } from '../access/index.ts';
import { DomainError, type Ctx } from '../context.ts';
import { loadManagedParticipant, readParticipantFile } from './participant-file.ts';
import { participant } from './participants.table.ts';

/**
 * Gives a participant their own login for the portal: an account with the participant role, linked to the file,
 * and an invitation e-mail in their language (Dutch where the portal does not speak it yet).
 */
export async function createPortalAccount(ctx: Ctx, participantId: string, email: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadManagedParticipant(ctx, tx, participantId);
    if (row.participant.userId) throw new DomainError('resource.conflict', { reason: 'has_account' });
    const language = row.participant.preferredLanguage;
    const user = await createInvitedUser(ctx, tx, {
      email,
      displayName: row.participant.name,
      preferredLanguage: isLocale(language) ? language : 'nl',
      roles: [{ role: 'participant' }],
    });
    await tx.update(participant).set({ userId: user.id }).where(eq(participant.id, participantId));
    await auditParticipant(ctx, tx, 'update', participantId, { portalAccount: true });
    return readParticipantFile(ctx, tx, participantId);
  });
}

/**
 * Sends the invitation to the portal again, to the same or a corrected e-mail address, while the participant has
 * not used it yet; the earlier link stops working.
 */
export async function resendPortalInvitation(ctx: Ctx, participantId: string, email: string) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadManagedParticipant(ctx, tx, participantId);
    if (!row.participant.userId) throw new DomainError('resource.not_found');
    const [user] = await tx.select().from(appUser).where(eq(appUser.id, row.participant.userId));
    if (!user || user.passwordHash) throw new DomainError('resource.conflict', { reason: 'already_active' });
    const corrected = email.toLowerCase() !== user.email.toLowerCase();
    if (corrected) {
      const [taken] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, email));
      if (taken) throw new DomainError('user.email_taken', { field: 'email' });
      await tx.update(appUser).set({ email }).where(eq(appUser.id, user.id));
    }
    await sendOneTimeLink(ctx, tx, { ...user, email }, 'invitation');
    await auditParticipant(ctx, tx, 'update', participantId, {
      portalInvitationResent: true,
      emailChanged: corrected,
    });
    return readParticipantFile(ctx, tx, participantId);
  });
}
