// The access module: accounts, roles, sessions, second factor, one-time links and the audit log.
export { login, getMe, setPreferredLanguage, nextStep, reauthenticate, changePassword } from './login.ts';
export {
  resolveSession,
  logout,
  findMySessions,
  endMySession,
  endMyOtherSessions,
  type ResolvedSession,
} from './sessions.ts';
export {
  beginSecondFactorSetup,
  confirmSecondFactor,
  verifySecondFactor,
  resetSecondFactor,
  currentCode,
} from './second-factor.ts';
export { getInvitation, useOneTimeLink, requestPasswordReset, sendOneTimeLink } from './one-time-links.ts';
export {
  findUsers,
  inviteUser,
  createInvitedUser,
  updateUser,
  resendInvitation,
  endSessionsOf,
  findEmployers,
  toRoleRows,
} from './users.ts';
export { audit, auditParticipant, findAuditEvents } from './audit.ts';
export { hashPassword, checkPasswordPolicy } from './passwords.ts';
export { createSecretBox, ephemeralSecretBox, parseKey, type SecretBox } from './secret-box.ts';
export { countAttempt, throttleKey, throttled, pruneThrottleCounters } from './throttle.ts';
export * from './access.table.ts';
export { accessJobs } from './jobs.ts';
export { findRolesToConfirm, confirmRole } from './role-confirmation.ts';
