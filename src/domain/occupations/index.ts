// ESCO occupations: reference data for work history, ambitions and (later) placements.
export { loadOccupations, searchOccupations } from './occupations.ts';
export * from './occupations.table.ts';
