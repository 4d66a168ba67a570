// The trajectories module: phases, coach and extensions; the plan and its agreement; coaching; caseload; portal.
export {
  changeTrajectoryStatus,
  assignCoach,
  extendTrajectory,
  openTrajectory,
  findCoaches,
  loadManagedTrajectory,
} from './manage-trajectory.ts';
export { getPlan, savePlan, agreeToPlan, setStepStatus } from './plan.ts';
export {
  addMeeting,
  addNote,
  askQuestion,
  addApplication,
  listApplications,
  updateApplication,
  addActivity,
} from './coaching.ts';
export { getTimeline } from './timeline.ts';
export { getCaseload, getWaitingReferrals, getWorkload } from './caseload.ts';
export { getPortal, getCv } from './portal.ts';
export * from './trajectories.rules.ts';
export * from './trajectories.table.ts';
export { answerQuestion, closeQuestion, listQuestions } from './questions.ts';
export {
  planAppointment,
  moveAppointment,
  cancelAppointment,
  listAppointments,
  sendAppointmentReminder,
  trajectoryJobs,
} from './appointments.ts';
