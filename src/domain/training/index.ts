// The training module (VIP pillar 1): cohorts, the curriculum, sessions and attendance.
export { listModules, addModule, updateModule, loadDefaultCurriculum } from './curriculum.ts';
export { findCohorts, createCohort, updateCohort, getCohort, joinCohort } from './cohorts.ts';
export { addSession, saveAttendance } from './sessions.ts';
export { trainingContributions, amsterdamInstant, mapLink } from './contributions.ts';
export * from './training.rules.ts';
export * from './training.table.ts';
