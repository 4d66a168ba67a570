import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db.ts';
import { employer } from '../employers/employers.table.ts';
import { municipality, region } from '../organisation/organisation.table.ts';
import { roleAssignment } from './access.table.ts';

/** Role assignments of the given users, with the names of the region, municipality or employer they apply to. */
export async function findRolesOf(db: Db, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, RoleWithNames[]>();
  const rows = await db
    .select({
      userId: roleAssignment.userId,
      role: roleAssignment.role,
      regionId: roleAssignment.regionId,
      regionName: region.name,
      municipalityCode: roleAssignment.municipalityCode,
      municipalityName: municipality.name,
      municipalFunction: roleAssignment.municipalFunction,
      employerId: roleAssignment.employerId,
      employerName: employer.name,
      confirmedAt: roleAssignment.confirmedAt,
    })
    .from(roleAssignment)
    .leftJoin(region, eq(region.id, roleAssignment.regionId))
    .leftJoin(municipality, eq(municipality.code, roleAssignment.municipalityCode))
    .leftJoin(employer, eq(employer.id, roleAssignment.employerId))
    .where(inArray(roleAssignment.userId, userIds))
    .orderBy(roleAssignment.role);
  const byUser = new Map<string, RoleWithNames[]>();
  for (const { userId, confirmedAt, ...role } of rows)
    byUser.set(userId, [...(byUser.get(userId) ?? []), { ...role, confirmed: confirmedAt !== null }]);
  return byUser;
}

export type RoleWithNames = {
  role: (typeof roleAssignment.$inferSelect)['role'];
  regionId: string | null;
  regionName: string | null;
  municipalityCode: string | null;
  municipalityName: string | null;
  municipalFunction: (typeof roleAssignment.$inferSelect)['municipalFunction'];
  employerId: string | null;
  employerName: string | null;
  /** False while the role waits for a lead's confirmation. */
  confirmed: boolean;
};
