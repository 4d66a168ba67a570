// The participants module: the participant file (referral, intake profile, language levels) and who may see it.
export { registerReferral } from './register-referral.ts';
export { correctReferral } from './correct-referral.ts';
export { createPortalAccount, resendPortalInvitation } from './portal-account.ts';
export {
  getParticipantFile,
  readParticipantFile,
  updateProfile,
  addLanguageLevel,
  findParticipants,
  loadManagedParticipant,
  toTrajectorySummary,
  today,
} from './participant-file.ts';
export {
  fullFileScope,
  referralStatusScope,
  cohortScope,
  canManage,
  seesOrigin,
  whoCanSee,
} from './participants.policy.ts';
export { selectParticipant, selectTrajectoriesOf } from './participants.queries.ts';
export { participantContributions } from './contributions.ts';
export * from './participants.table.ts';
