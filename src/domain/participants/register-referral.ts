import { staffLocaleOf } from '../../shared/locales.ts';
import { and, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { ReferralCreate } from '../../shared/contracts/participants.ts';
import { nameKey } from '../../shared/names.ts';
import { appUser, auditParticipant, roleAssignment } from '../access/index.ts';
import { templates } from '../notifications/index.ts';
import { DomainError, requireActor, type Ctx } from '../context.ts';
import { municipality, region } from '../organisation/organisation.table.ts';
import { assertPlausibleDate } from '../trajectories/index.ts';
import { trajectory } from '../trajectories/trajectories.table.ts';
import { today } from './participant-file.ts';
import { canRefer } from './participants.policy.ts';
import { selectPossibleDuplicates } from './participants.queries.ts';
import { participant } from './participants.table.ts';

/**
 * Registers a referral (aanmelding): a new participant file with a trajectory in phase "referred".
 * Someone with the same name (spelling-tolerant) and date of birth in the same municipality is probably
 * already known: that gives a warning with the existing file, unless the referrer confirms it is someone else.
 */
export async function registerReferral(ctx: Ctx, input: ReferralCreate) {
  const actor = requireActor(ctx);
  const now = today(ctx);
  assertPlausibleDate('referredOn', input.referredOn, now, { yearsBack: 1, yearsAhead: 0 });
  if (input.dateOfBirth)
    assertPlausibleDate('dateOfBirth', input.dateOfBirth, now, { yearsBack: 100, yearsAhead: -15 });
  return ctx.db.transaction(async (tx) => {
    const [target] = await tx
      .select()
      .from(municipality)
      .where(eq(municipality.code, input.municipalityCode));
    if (!target)
      throw new DomainError('request.invalid', [
        { field: 'municipalityCode', message: 'unknown municipality' },
      ]);
    if (!canRefer(actor, target)) throw new DomainError('auth.forbidden');
    if (!input.confirmNotDuplicate) {
      const existing = await selectPossibleDuplicates(tx, input);
      if (existing.length) throw new DomainError('participant.possible_duplicate', { existing });
    }
    const [created] = await tx
      .insert(participant)
      .values({
        name: input.name,
        permitName: input.permitName,
        nameKey: nameKey(input.name),
        dateOfBirth: input.dateOfBirth,
        gender: input.gender,
        municipalityCode: input.municipalityCode,
        preferredLanguage: input.preferredLanguage,
        contactChannel: input.contactChannel,
        phone: input.phone,
        email: input.email,
        createdBy: actor.userId,
        createdAt: ctx.clock(),
        updatedAt: ctx.clock(),
      })
      .returning({ id: participant.id });
    const [opened] = await tx
      .insert(trajectory)
      .values({
        participantId: created!.id,
        municipalityCode: input.municipalityCode,
        referredOn: input.referredOn,
        referredBy: actor.userId,
        referrerKind: input.referrerKind,
        referralMotivation: input.motivation,
        createdAt: ctx.clock(),
      })
      .returning({ id: trajectory.id });
    await auditParticipant(ctx, tx, 'create', created!.id, { referral: true });
    // The regional leads hear of it: a referral waits for them to assign a coach.
    const leads = await tx
      .selectDistinct({
        email: appUser.email,
        name: appUser.displayName,
        language: appUser.preferredLanguage,
      })
      .from(appUser)
      .innerJoin(roleAssignment, eq(roleAssignment.userId, appUser.id))
      .where(
        and(
          isNull(appUser.disabledAt),
          eq(roleAssignment.role, 'regional_lead'),
          isNotNull(roleAssignment.confirmedAt),
          target.regionId ? eq(roleAssignment.regionId, target.regionId) : sql`false`,
        ),
      );
    for (const lead of leads) {
      const mail = templates.newReferral[staffLocaleOf(lead.language)]({
        name: lead.name,
        link: `${ctx.publicUrl}/participants/${created!.id}`,
      });
      await ctx.sender.send(ctx, tx, { channel: 'email', recipient: lead.email, ...mail });
    }
    const [regionRow] = target.regionId
      ? await tx.select({ name: region.name }).from(region).where(eq(region.id, target.regionId))
      : [];
    // The confirmation names who takes it from here, so the referrer knows whom to ask.
    return {
      participantId: created!.id,
      trajectoryId: opened!.id,
      regionName: regionRow?.name ?? null,
      regionalLeads: leads
        .map((lead) => ({ name: lead.name, email: lead.email }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  });
}
