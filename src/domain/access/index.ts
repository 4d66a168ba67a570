// The access module: accounts, roles, sessions, second factor, one-time links and the audit log.
export { login, getMe, setPreferredLanguage, nextStep } from './login.ts';
export {
  resolveSession,
  endSessionByToken,
  findMySessions,
  endMySession,
  type ResolvedSession,
} from './sessions.ts';
export {
  beginSecondFactorSetup,
  confirmSecondFactor,
  verifySecondFactor,
  currentCode,
} from './second-factor.ts';
export { getInvitation, useOneTimeLink, requestPasswordReset } from './one-time-links.ts';
export {
  findUsers,
  inviteUser,
  createInvitedUser,
  updateUser,
  resendInvitation,
  findEmployers,
  toRoleRows,
} from './users.ts';
export { audit, findAuditEvents } from './audit.ts';
export { hashPassword, checkPasswordPolicy } from './passwords.ts';
export * from './access.table.ts';
