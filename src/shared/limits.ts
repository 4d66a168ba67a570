/** Limits shared by the API contracts and the forms that feed them. */
export const limits = {
  bodyBytes: 256 * 1024,
  shortText: 200,
  longText: 5000,
  email: 254,
  passwordMin: 12,
  passwordMax: 256,
  pageSize: 100,
  maxPageSize: 500,
} as const;

/** Session lifetimes in seconds. */
export const sessionTimeouts = {
  idleSensitive: 15 * 60,
  idleOther: 30 * 60,
  absolute: 12 * 60 * 60,
} as const;

/** Failed logins allowed in the window before a pause. */
export const throttle = {
  windowSeconds: 15 * 60,
  perAccount: 5,
  perIp: 30,
} as const;
