import { and, count, eq, exists, ilike, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  invitationCreate,
  userQuery,
  userUpdate,
  RoleAssignmentInput,
} from '../../shared/contracts/users.ts';
import { roleScope } from '../../shared/roles.ts';
import { DomainError, requireActor, type Ctx } from '../context.ts';
import type { Db } from '../db.ts';
import { employer } from '../employers/employers.table.ts';
import { appUser, roleAssignment } from './access.table.ts';
import { audit } from './audit.ts';
import { sendOneTimeLink } from './one-time-links.ts';
import { findRolesOf } from './roles.queries.ts';
import { endSessionsOfUser, requireRecentReauthentication } from './sessions.ts';
import { municipality } from '../organisation/organisation.table.ts';
import { givenRoleCountsAtOnce, notifyConfirmers } from './role-confirmation.ts';

const statusOf = (u: typeof appUser.$inferSelect): 'disabled' | 'active' | 'invited' =>
  u.disabledAt ? 'disabled' : u.passwordHash ? 'active' : 'invited';

/** Each role carries exactly the scope it needs: a coach a region, municipality staff a municipality, and so on. */
export function toRoleRows(
  userId: string,
  inputs: RoleAssignmentInput[],
  waitsForConfirmation: (role: RoleAssignmentInput['role']) => boolean = () => false,
) {
  return inputs.map((input, index) => {
    const scope = roleScope[input.role];
    const field = `roles.${index}`;
    if (scope === 'region' && !input.regionId) throw new DomainError('user.scope_required', { field, scope });
    if (scope === 'municipality' && (!input.municipalityCode || !input.municipalFunction))
      throw new DomainError('user.scope_required', { field, scope });
    if (scope === 'employer' && !input.employerId)
      throw new DomainError('user.scope_required', { field, scope });
    return {
      userId,
      role: input.role,
      regionId: scope === 'region' ? input.regionId! : null,
      municipalityCode: scope === 'municipality' ? input.municipalityCode! : null,
      municipalFunction: scope === 'municipality' ? input.municipalFunction! : null,
      employerId: scope === 'employer' ? input.employerId! : null,
      ...(waitsForConfirmation(input.role) ? { confirmedAt: null } : {}),
    };
  });
}

/** Roles an administrator gives that read participant files wait for a lead's confirmation. */
const waitsFor = (ctx: Ctx) => (role: RoleAssignmentInput['role']) =>
  !givenRoleCountsAtOnce(requireActor(ctx), role);

/** The regions of role inputs (directly, or through their municipality), for telling the right leads. */
async function regionsOf(tx: Db, inputs: RoleAssignmentInput[]) {
  const codes = inputs.map((r) => r.municipalityCode).filter((c): c is string => !!c);
  const viaMunicipality = codes.length
    ? await tx
        .select({ regionId: municipality.regionId })
        .from(municipality)
        .where(inArray(municipality.code, codes))
    : [];
  return [
    ...new Set([
      ...inputs.map((r) => r.regionId).filter((r): r is string => !!r),
      ...viaMunicipality.map((m) => m.regionId).filter((r): r is string => !!r),
    ]),
  ];
}

async function toUser(db: Db, users: (typeof appUser.$inferSelect)[]) {
  const roles = await findRolesOf(
    db,
    users.map((u) => u.id),
  );
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    displayName: u.displayName,
    preferredLanguage: u.preferredLanguage,
    roles: roles.get(u.id) ?? [],
    status: statusOf(u),
    hasSecondFactor: !!u.totpEnabledAt,
    createdAt: u.createdAt.toISOString(),
  }));
}

export async function findUsers(ctx: Ctx, query: z.infer<typeof userQuery>) {
  const where: SQL[] = [];
  if (query.q) {
    const term = `%${query.q.replace(/[\\%_]/g, '\\$&')}%`;
    where.push(or(ilike(appUser.displayName, term), ilike(appUser.email, term))!);
  }
  if (query.role)
    where.push(
      exists(
        ctx.db
          .select({ one: sql`1` })
          .from(roleAssignment)
          .where(and(eq(roleAssignment.userId, appUser.id), eq(roleAssignment.role, query.role))),
      ),
    );
  if (query.status === 'disabled') where.push(isNotNull(appUser.disabledAt));
  if (query.status === 'active')
    where.push(and(isNull(appUser.disabledAt), isNotNull(appUser.passwordHash))!);
  if (query.status === 'invited') where.push(and(isNull(appUser.disabledAt), isNull(appUser.passwordHash))!);
  const filter = where.length ? and(...where) : undefined;
  const rows = await ctx.db
    .select()
    .from(appUser)
    .where(filter)
    .orderBy(appUser.displayName)
    .limit(query.limit)
    .offset(query.offset);
  const [total] = await ctx.db.select({ n: count() }).from(appUser).where(filter);
  return { items: await toUser(ctx.db, rows), total: total?.n ?? 0 };
}

/** Creates an account in the caller's transaction and e-mails an invitation link to choose a password. */
export async function createInvitedUser(ctx: Ctx, tx: Db, input: z.infer<typeof invitationCreate>) {
  const [taken] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.email, input.email));
  if (taken) throw new DomainError('user.email_taken', { field: 'email' });
  const [user] = await tx
    .insert(appUser)
    .values({
      email: input.email,
      displayName: input.displayName,
      preferredLanguage: input.preferredLanguage,
    })
    .returning();
  const rows = toRoleRows(user!.id, input.roles, waitsFor(ctx));
  await tx.insert(roleAssignment).values(rows);
  if (rows.some((r) => 'confirmedAt' in r)) await notifyConfirmers(ctx, tx, await regionsOf(tx, input.roles));
  await sendOneTimeLink(ctx, tx, user!, 'invitation');
  await audit(ctx, tx, {
    action: 'create',
    entityType: 'user',
    entityId: user!.id,
    detail: { invited: true },
  });
  return user!;
}

/** An administrator invites a new user. */
export async function inviteUser(ctx: Ctx, input: z.infer<typeof invitationCreate>) {
  return ctx.db.transaction(async (tx) => (await toUser(tx, [await createInvitedUser(ctx, tx, input)]))[0]!);
}

export async function resendInvitation(ctx: Ctx, userId: string) {
  await ctx.db.transaction(async (tx) => {
    const [user] = await tx.select().from(appUser).where(eq(appUser.id, userId));
    if (!user) throw new DomainError('resource.not_found');
    if (user.passwordHash || user.disabledAt)
      throw new DomainError('resource.conflict', { reason: 'not_invited' });
    await sendOneTimeLink(ctx, tx, user, 'invitation');
    await audit(ctx, tx, {
      action: 'update',
      entityType: 'user',
      entityId: user.id,
      detail: { invitationResent: true },
    });
  });
}

/**
 * Changes a user's name, roles or disabled state. Disabling ends their sessions at once. Nobody changes their
 * own roles, and a role change needs the password again; it is a security event, e-mailed to the national leads.
 */
export async function updateUser(ctx: Ctx, userId: string, input: z.infer<typeof userUpdate>) {
  const actor = requireActor(ctx);
  if (input.roles) {
    if (userId === actor.userId) throw new DomainError('auth.forbidden', { reason: 'own_roles' });
    requireRecentReauthentication(ctx);
  }
  return ctx.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(appUser).where(eq(appUser.id, userId));
    if (!existing) throw new DomainError('resource.not_found');
    const rolesBefore = input.roles
      ? await tx.select().from(roleAssignment).where(eq(roleAssignment.userId, userId))
      : [];
    const now = ctx.clock();
    const changes: Partial<typeof appUser.$inferInsert> = {};
    if (input.displayName !== undefined) changes.displayName = input.displayName;
    if (input.disabled !== undefined)
      changes.disabledAt = input.disabled ? (existing.disabledAt ?? now) : null;
    const [user] = Object.keys(changes).length
      ? await tx.update(appUser).set(changes).where(eq(appUser.id, userId)).returning()
      : [existing];
    if (input.roles) {
      // A role that was confirmed before stays confirmed; a new one may wait for a lead.
      const sameAs = (a: Omit<typeof roleAssignment.$inferInsert, 'id'>) =>
        rolesBefore.find(
          (b) =>
            b.confirmedAt &&
            b.role === a.role &&
            b.regionId === a.regionId &&
            b.municipalityCode === a.municipalityCode &&
            b.employerId === a.employerId,
        );
      const rows = toRoleRows(userId, input.roles, waitsFor(ctx)).map((row) => {
        const before = sameAs(row);
        return before ? { ...row, confirmedAt: before.confirmedAt, confirmedBy: before.confirmedBy } : row;
      });
      await tx.delete(roleAssignment).where(eq(roleAssignment.userId, userId));
      await tx.insert(roleAssignment).values(rows);
    }
    if (input.disabled || input.roles) await endSessionsOfUser(tx, userId, now);
    await audit(ctx, tx, {
      action: 'update',
      entityType: 'user',
      entityId: userId,
      detail: { fields: Object.keys(input) },
    });
    if (input.roles) {
      await audit(ctx, tx, {
        action: 'role_changed',
        entityType: 'user',
        entityId: userId,
        detail: { from: rolesBefore.map((r) => r.role), to: input.roles.map((r) => r.role) },
      });
      await notifyConfirmers(ctx, tx, await regionsOf(tx, input.roles));
    }
    return (await toUser(tx, [user!]))[0]!;
  });
}

/** An administrator ends every session of a user without disabling the account. */
export async function endSessionsOf(ctx: Ctx, userId: string) {
  requireRecentReauthentication(ctx);
  return ctx.db.transaction(async (tx) => {
    const [user] = await tx.select({ id: appUser.id }).from(appUser).where(eq(appUser.id, userId));
    if (!user) throw new DomainError('resource.not_found');
    const ended = await endSessionsOfUser(tx, userId, ctx.clock());
    await audit(ctx, tx, {
      action: 'session_ended',
      entityType: 'user',
      entityId: userId,
      detail: { ended },
    });
    return { ended };
  });
}

export async function findEmployers(ctx: Ctx) {
  const rows = await ctx.db.select().from(employer).orderBy(employer.name);
  return rows.map(({ id, name, kvkNumber }) => ({ id, name, kvkNumber }));
}
