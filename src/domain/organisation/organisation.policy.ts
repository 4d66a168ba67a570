import type { Actor } from '../context.ts';

/** Which partnerships an actor may see: all of them, or those in their regions and municipalities. */
export type PartnershipScope =
  { all: true } | { all: false; regionIds: string[]; municipalityCodes: string[] };

export function partnershipReadScope(actor: Actor): PartnershipScope {
  if (actor.roles.some((r) => r.role === 'national_lead' || r.role === 'evaluator')) return { all: true };
  const regionIds = actor.roles
    .filter((r) => ['regional_lead', 'coach', 'trainer'].includes(r.role) && r.regionId)
    .map((r) => r.regionId!);
  const municipalityCodes = actor.roles
    .filter((r) => r.role === 'municipality_staff' && r.municipalityCode)
    .map((r) => r.municipalityCode!);
  return { all: false, regionIds, municipalityCodes };
}

/** Only leads change partnerships: the national lead anywhere, a regional lead in their own region. */
export function partnershipWriteScope(actor: Actor): PartnershipScope {
  if (actor.roles.some((r) => r.role === 'national_lead')) return { all: true };
  const regionIds = actor.roles
    .filter((r) => r.role === 'regional_lead' && r.regionId)
    .map((r) => r.regionId!);
  return { all: false, regionIds, municipalityCodes: [] };
}

export const isInScope = (scope: PartnershipScope, regionId: string | null, municipalityCode: string) =>
  scope.all ||
  (regionId !== null && scope.regionIds.includes(regionId)) ||
  scope.municipalityCodes.includes(municipalityCode);
