import type { TFunction } from 'i18next';
import type { RoleAssignment } from '../../shared/contracts/index.ts';

/** "Coach – Regio Midden", "Gemeente (klantmanager) – Utrecht": a role with the place it applies to. */
export function roleWithScope(t: TFunction, assignment: RoleAssignment) {
  const role = t(`roles.${assignment.role}`);
  const fn = assignment.municipalFunction
    ? ` (${t(`municipalFunctions.${assignment.municipalFunction}`)})`
    : '';
  const scope = assignment.regionName ?? assignment.municipalityName ?? assignment.employerName;
  return scope ? `${role}${fn} – ${scope}` : `${role}${fn}`;
}
