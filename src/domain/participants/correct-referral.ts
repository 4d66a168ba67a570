import { and, desc, eq } from 'drizzle-orm';
import type { ReferralCorrection } from '../../shared/contracts/participants.ts';
import { nameKey } from '../../shared/names.ts';
import { auditParticipant } from '../access/index.ts';
import { DomainError, requireActor, type Ctx } from '../context.ts';
import { municipality } from '../organisation/organisation.table.ts';
import { assertPlausibleDate } from '../trajectories/index.ts';
import { trajectory } from '../trajectories/trajectories.table.ts';
import { readParticipantFile, today } from './participant-file.ts';
import { canRefer, referralStatusScope } from './participants.policy.ts';
import { participant } from './participants.table.ts';

/**
 * The referrer corrects a referral they made, while it is still "referred" (the correction window): once the
 * regional lead has taken it up (intake, or stopped), the coach team owns the file and a correction is refused
 * with `participant.referral_moved_on`. The trajectory row is locked first, so a lead moving it on at the same
 * moment either waits for the correction or makes it fail; it never lands on a referral that moved on.
 */
export async function correctReferral(ctx: Ctx, participantId: string, input: ReferralCorrection) {
  const actor = requireActor(ctx);
  const now = today(ctx);
  if (input.referredOn)
    assertPlausibleDate('referredOn', input.referredOn, now, { yearsBack: 1, yearsAhead: 0 });
  if (input.dateOfBirth)
    assertPlausibleDate('dateOfBirth', input.dateOfBirth, now, { yearsBack: 100, yearsAhead: -15 });
  return ctx.db.transaction(async (tx) => {
    // The person's latest trajectory, if the actor may follow this person's referral at all (else 404).
    const [latest] = await tx
      .select({
        trajectory,
        participantVersion: participant.version,
        municipalityCode: participant.municipalityCode,
        regionId: municipality.regionId,
      })
      .from(trajectory)
      .innerJoin(participant, eq(participant.id, trajectory.participantId))
      .innerJoin(municipality, eq(municipality.code, participant.municipalityCode))
      .where(and(eq(trajectory.participantId, participantId), referralStatusScope(actor)))
      .orderBy(desc(trajectory.createdAt))
      .limit(1)
      .for('update', { of: trajectory });
    if (!latest) throw new DomainError('resource.not_found');
    const t = latest.trajectory;
    if (t.referredBy !== actor.userId || t.status !== 'referred')
      throw new DomainError('participant.referral_moved_on', { status: t.status });
    // Staff who moved to another municipality no longer correct its referrals.
    if (!canRefer(actor, { code: latest.municipalityCode, regionId: latest.regionId }))
      throw new DomainError('auth.forbidden');
    const { version, referredOn, referrerKind, motivation, ...person } = input;
    if (latest.participantVersion !== version)
      throw new DomainError('resource.conflict', {
        yourVersion: version,
        currentVersion: latest.participantVersion,
      });
    const saved = await tx
      .update(participant)
      .set({
        ...person,
        ...(person.name ? { nameKey: nameKey(person.name) } : {}),
        version: version + 1,
        updatedAt: ctx.clock(),
      })
      .where(and(eq(participant.id, participantId), eq(participant.version, version)))
      .returning({ id: participant.id });
    // A lead saved the profile between our read and this write: nothing of this correction is kept.
    if (saved.length === 0)
      throw new DomainError('resource.conflict', { yourVersion: version, currentVersion: version + 1 });
    if (referredOn !== undefined || referrerKind !== undefined || motivation !== undefined)
      await tx
        .update(trajectory)
        .set({
          ...(referredOn !== undefined ? { referredOn } : {}),
          ...(referrerKind !== undefined ? { referrerKind } : {}),
          ...(motivation !== undefined ? { referralMotivation: motivation } : {}),
          version: t.version + 1,
        })
        .where(and(eq(trajectory.id, t.id), eq(trajectory.status, 'referred')));
    await auditParticipant(ctx, tx, 'update', participantId, {
      referralCorrected: t.id,
      fields: Object.keys(input).filter((k) => k !== 'version'),
    });
    return readParticipantFile(ctx, tx, participantId);
  });
}
