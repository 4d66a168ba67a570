import { staffLocaleOf } from '../../shared/locales.ts';
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { confirmedBy, rolesNeedingConfirmation, type Role } from '../../shared/roles.ts';
import { DomainError, requireActor, type Actor, type Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { templates } from '../notifications/index.ts';
import { municipality } from '../organisation/organisation.table.ts';
import { appUser, roleAssignment } from './access.table.ts';
import { audit } from './audit.ts';

/** The region a role assignment belongs to: its own, or its municipality's. */
const regionOfAssignment = (tx: Db) =>
  tx
    .select({
      assignment: roleAssignment,
      displayName: appUser.displayName,
      email: appUser.email,
      municipalityRegionId: municipality.regionId,
    })
    .from(roleAssignment)
    .innerJoin(appUser, eq(appUser.id, roleAssignment.userId))
    .leftJoin(municipality, eq(municipality.code, roleAssignment.municipalityCode));

/** Which waiting assignments this actor may confirm, as a filter. */
function confirmableBy(actor: Actor): SQL | undefined {
  if (actor.roles.some((r) => r.role === 'national_lead')) return undefined;
  const regions = actor.roles.filter((r) => r.role === 'regional_lead' && r.regionId).map((r) => r.regionId!);
  const regional = (['coach', 'trainer', 'municipality_staff'] as Role[]).filter((r) =>
    confirmedBy[r]?.includes('regional_lead'),
  );
  if (!regions.length) return sql`false`;
  return and(
    inArray(roleAssignment.role, regional),
    or(inArray(roleAssignment.regionId, regions), inArray(municipality.regionId, regions)),
  );
}

/** Roles that wait for a lead, within the caller's reach: the lead's to-do list. */
export async function findRolesToConfirm(ctx: Ctx) {
  const actor = requireActor(ctx);
  const rows = await regionOfAssignment(ctx.db)
    .where(and(isNull(roleAssignment.confirmedAt), confirmableBy(actor)))
    .orderBy(appUser.displayName);
  return rows
    .filter((r) => r.assignment.userId !== actor.userId)
    .map((r) => ({
      id: r.assignment.id,
      userId: r.assignment.userId,
      displayName: r.displayName,
      email: r.email,
      role: r.assignment.role,
      regionId: r.assignment.regionId ?? r.municipalityRegionId,
      municipalityCode: r.assignment.municipalityCode,
    }));
}

/** A lead confirms a role an administrator gave; from now on it counts (at the user's next login). */
export async function confirmRole(ctx: Ctx, assignmentId: string) {
  const actor = requireActor(ctx);
  await ctx.db.transaction(async (tx) => {
    const [row] = await regionOfAssignment(tx).where(
      and(eq(roleAssignment.id, assignmentId), confirmableBy(actor)),
    );
    if (!row) throw new DomainError('resource.not_found');
    if (row.assignment.userId === actor.userId)
      throw new DomainError('auth.forbidden', { reason: 'own_roles' });
    if (row.assignment.confirmedAt) return;
    await tx
      .update(roleAssignment)
      .set({ confirmedAt: ctx.clock(), confirmedBy: actor.userId })
      .where(eq(roleAssignment.id, assignmentId));
    await audit(ctx, tx, {
      action: 'role_changed',
      entityType: 'user',
      entityId: row.assignment.userId,
      detail: { confirmed: row.assignment.role },
    });
  });
}

/**
 * Whether a role given by this actor counts at once: leads give roles within their reach directly; an
 * administrator's file-reading roles wait for a lead.
 */
export function givenRoleCountsAtOnce(actor: Actor, role: Role) {
  if (!rolesNeedingConfirmation.includes(role)) return true;
  // A national lead may confirm every role, so what they give counts at once.
  return actor.roles.some((r) => r.role === 'national_lead');
}

/** Tells the people who confirm roles that a role changed: the national leads and the region's leads. */
export async function notifyConfirmers(ctx: Ctx, tx: Db, regionIds: string[]) {
  const leads = await tx
    .selectDistinct({
      email: appUser.email,
      displayName: appUser.displayName,
      language: appUser.preferredLanguage,
    })
    .from(appUser)
    .innerJoin(roleAssignment, eq(roleAssignment.userId, appUser.id))
    .where(
      and(
        isNull(appUser.disabledAt),
        or(
          eq(roleAssignment.role, 'national_lead'),
          regionIds.length
            ? and(eq(roleAssignment.role, 'regional_lead'), inArray(roleAssignment.regionId, regionIds))
            : undefined,
        ),
      ),
    );
  for (const lead of leads) {
    const mail = templates.rolesChanged[staffLocaleOf(lead.language)]({
      name: lead.displayName,
      link: `${ctx.publicUrl}/`,
    });
    await ctx.sender.send(ctx, tx, { channel: 'email', recipient: lead.email, ...mail });
  }
}
