import { programmeDay } from '../../shared/dates.ts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { participantQuery, ProfileUpdate } from '../../shared/contracts/participants.ts';
import { nameKey } from '../../shared/names.ts';
import type { CefrSkill } from '../../shared/participants.ts';
import { audit, auditParticipant } from '../access/index.ts';
import { DomainError, requireActor, type Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { allowedActions, isEarlyPositiveExit, monthOfTrajectory } from '../trajectories/index.ts';
import { canManage, fullFileScope, referralStatusScope, seesOrigin } from './participants.policy.ts';
import {
  selectParticipantFileInScope,
  selectParticipantInScope,
  selectParticipants,
  type selectTrajectoriesOf,
} from './participants.queries.ts';
import { education, languageLevel, participant, workExperience } from './participants.table.ts';

/** Today in the programme's time zone (Europe/Amsterdam), not UTC: a note written at 00:30 is today's. */
export const today = (ctx: Ctx) => programmeDay(ctx.clock());

type TrajectoryRows = Awaited<ReturnType<typeof selectTrajectoriesOf>>;

export function toTrajectorySummary(row: TrajectoryRows[number], todayIso: string, months: number) {
  const t = row.trajectory;
  return {
    ...t,
    coachName: row.coachName,
    isEarlyPositiveExit: t.status === 'stopped' && isEarlyPositiveExit(t.stopReason),
    monthNumber: t.status === 'active' && t.startedOn ? monthOfTrajectory(t.startedOn, todayIso) : null,
    trajectoryMonths: months,
    allowedActions: allowedActions(t.status),
    extensions: row.extensions.map((e) => ({
      previousEndOn: e.extension.previousEndOn,
      newEndOn: e.extension.newEndOn,
      reason: e.extension.reason,
      approvedByName: e.approvedByName,
      createdAt: e.extension.createdAt.toISOString(),
    })),
  };
}

const scopesOf = (ctx: Ctx) => {
  const actor = requireActor(ctx);
  return { full: fullFileScope(actor), limited: referralStatusScope(actor) };
};

/**
 * The participant file as the actor may see it: the whole file, or for municipality staff who referred the person
 * only the phase it is in. Outside the actor's scope the file does not exist (404). A change answers with the
 * file read in its own transaction (one audit line, the change's, and no second round of reads); the caller audits.
 */
export async function readParticipantFile(ctx: Ctx, db: Db, id: string) {
  const actor = requireActor(ctx);
  const row = await selectParticipantFileInScope(db, id, scopesOf(ctx));
  if (!row) throw new DomainError('resource.not_found');
  const { trajectories, lists } = row;
  if (!row.isFullFile) {
    const [latest] = trajectories;
    const p = row.participant;
    // While the referral waits for the lead, its referrer sees what they sent, to correct it; after, only the phase.
    const isOpenForCorrection =
      latest?.trajectory.status === 'referred' && latest.trajectory.referredBy === actor.userId;
    return {
      kind: 'referral_status' as const,
      file: {
        id,
        name: p.name,
        municipalityName: row.municipalityName,
        status: latest?.trajectory.status ?? null,
        referredOn: latest?.trajectory.referredOn ?? null,
        coachName: latest?.coachName ?? null,
        correction: isOpenForCorrection
          ? {
              name: p.name,
              permitName: p.permitName,
              dateOfBirth: p.dateOfBirth,
              gender: p.gender,
              preferredLanguage: p.preferredLanguage,
              contactChannel: p.contactChannel,
              phone: p.phone,
              email: p.email,
              referredOn: latest.trajectory.referredOn,
              referrerKind: latest.trajectory.referrerKind,
              motivation: latest.trajectory.referralMotivation,
              version: p.version,
            }
          : null,
      },
    };
  }
  const summaries = trajectories.map((t) => toTrajectorySummary(t, today(ctx), t.trajectoryMonths));
  const open = summaries.find((t) => ['referred', 'intake', 'active'].includes(t.status)) ?? null;
  const p = row.participant;
  const current = new Map<CefrSkill, (typeof lists.levels)[number]>();
  for (const level of lists.levels) if (!current.has(level.skill)) current.set(level.skill, level);
  const origin = seesOrigin(actor, p.userId);
  return {
    kind: 'full' as const,
    file: {
      ...p,
      nationality: origin ? p.nationality : undefined,
      countryOfBirth: origin ? p.countryOfBirth : undefined,
      municipalityName: row.municipalityName,
      education: lists.educations,
      workExperience: lists.work,
      languageLevels: { current: [...current.values()], history: lists.levels },
      trajectory: open,
      earlierTrajectories: summaries.filter((t) => t !== open),
      hasPortalAccount: p.userId !== null,
      portalAccount: row.portalEmail
        ? {
            email: row.portalEmail,
            status: row.portalActive ? ('active' as const) : ('invited' as const),
            invitedAt: row.invitedAt ? new Date(row.invitedAt).toISOString() : null,
          }
        : null,
    },
  };
}

/** Reads the participant file and records who read it (no transaction: the read is audited before it is returned). */
export async function getParticipantFile(ctx: Ctx, id: string) {
  const file = await readParticipantFile(ctx, ctx.db, id);
  await auditParticipant(
    ctx,
    ctx.db,
    'read',
    id,
    file.kind === 'referral_status' ? { view: 'referral_status' } : undefined,
  );
  return file;
}

/** Loads a file the actor may change, with its open trajectory's coach and region; 404 or 403 otherwise. */
export async function loadManagedParticipant(ctx: Ctx, tx: Db, id: string) {
  const actor = requireActor(ctx);
  const row = await selectParticipantInScope(tx, id, scopesOf(ctx));
  if (!row?.isFullFile) throw new DomainError('resource.not_found');
  if (!canManage(actor, { coachId: row.latestCoachId, regionId: row.regionId }))
    throw new DomainError('auth.forbidden');
  return row;
}

/** Saves (part of) the intake. The caller sends the version they edited; a newer one gives a conflict. */
export async function updateProfile(ctx: Ctx, id: string, input: ProfileUpdate) {
  return ctx.db.transaction(async (tx) => {
    const row = await loadManagedParticipant(ctx, tx, id);
    const { version, education: educations, workExperience: work, ...fields } = input;
    if (row.participant.version !== version)
      throw new DomainError('resource.conflict', {
        yourVersion: version,
        currentVersion: row.participant.version,
      });
    const saved = await tx
      .update(participant)
      .set({
        ...fields,
        ...(fields.name ? { nameKey: nameKey(fields.name) } : {}),
        version: version + 1,
        updatedAt: ctx.clock(),
      })
      .where(and(eq(participant.id, id), eq(participant.version, version)))
      .returning({ id: participant.id });
    // Someone saved between our read and this write: nothing of this save is kept.
    if (saved.length === 0)
      throw new DomainError('resource.conflict', { yourVersion: version, currentVersion: version + 1 });
    if (educations) {
      await tx.delete(education).where(eq(education.participantId, id));
      if (educations.length)
        await tx.insert(education).values(educations.map((e) => ({ ...e, participantId: id })));
    }
    if (work) {
      await tx.delete(workExperience).where(eq(workExperience.participantId, id));
      if (work.length) await tx.insert(workExperience).values(work.map((w) => ({ ...w, participantId: id })));
    }
    await auditParticipant(ctx, tx, 'update', id, {
      fields: Object.keys(input).filter((k) => k !== 'version'),
    });
    return readParticipantFile(ctx, tx, id);
  });
}

/** Adds a Dutch level for one skill; earlier levels stay, so progress shows. */
export async function addLanguageLevel(
  ctx: Ctx,
  id: string,
  input: typeof languageLevel.$inferInsert extends infer T
    ? Omit<T, 'participantId' | 'id' | 'createdAt'>
    : never,
) {
  return ctx.db.transaction(async (tx) => {
    await loadManagedParticipant(ctx, tx, id);
    if (input.assessedOn > today(ctx))
      throw new DomainError('request.date_out_of_range', { field: 'assessedOn', max: today(ctx) });
    await tx.insert(languageLevel).values({ ...input, participantId: id });
    await auditParticipant(ctx, tx, 'update', id, { fields: ['languageLevels'] });
    return readParticipantFile(ctx, tx, id);
  });
}

/** Participants the actor may see, searchable by name (spelling-tolerant), municipality and phase. */
export async function findParticipants(ctx: Ctx, query: z.infer<typeof participantQuery>) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const { items, total } = await selectParticipants(
      tx,
      { full: fullFileScope(actor), limited: referralStatusScope(actor) },
      query,
    );
    // Who saw whom (NEN 7513): the ids of the participants shown, not only how many.
    await audit(ctx, tx, {
      action: 'list',
      entityType: 'participant',
      detail: { count: items.length, filtered: !!query.q, participantIds: items.map((i) => i.id) },
    });
    // A referrer without access to the file sees who, which phase and who coaches, nothing more.
    return {
      items: items.map(({ isFullFile, ...item }) => (isFullFile ? item : { ...item, dateOfBirth: null })),
      total,
    };
  });
}
