// The organisation module: the programme, regions, municipalities and partnerships with municipalities.
export {
  getProgramme,
  updateProgramme,
  findRegions,
  findMunicipalities,
  moveMunicipalityToRegion,
} from './organisation.ts';
export { findPartnerships, getPartnership, createPartnership, updatePartnership } from './partnerships.ts';
export { partnershipReadScope, partnershipWriteScope } from './organisation.policy.ts';
export * from './organisation.table.ts';
