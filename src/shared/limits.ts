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

/** A throttle: `max` attempts in `windowSeconds`; past that each attempt pushes the retry time further out. */
export type ThrottlePolicy = { max: number; windowSeconds: number; maxBlockSeconds: number };

/** Opstap's settings for throttling (not from the report). */
export const throttles = {
  /** Wrong passwords per account from one address: an attacker elsewhere cannot lock the owner out. */
  loginPair: { max: 5, windowSeconds: 15 * 60, maxBlockSeconds: 60 * 60 },
  /**
   * Failed logins (unknown or wrong account) from one address. Past `max`, each further attempt from that
   * address waits a growing delay before its password is checked; a correct password is never refused for this.
   */
  loginIp: { max: 30, windowSeconds: 15 * 60, maxBlockSeconds: 15 * 60 },
  /** Wrong second-factor codes per account. */
  secondFactor: { max: 5, windowSeconds: 15 * 60, maxBlockSeconds: 60 * 60 },
  /** Password reset mails per address and per client address: past these, the request is answered but not sent. */
  resetPerAccount: { max: 3, windowSeconds: 60 * 60, maxBlockSeconds: 60 * 60 },
  resetPerIp: { max: 20, windowSeconds: 60 * 60, maxBlockSeconds: 60 * 60 },
  /** Writes per signed-in account: generous for real work, a stop for a runaway script. */
  writes: { max: 300, windowSeconds: 5 * 60, maxBlockSeconds: 5 * 60 },
} as const satisfies Record<string, ThrottlePolicy>;

/** Longest wait added before checking a password from an address with many failed logins. */
export const maxLoginDelayMs = 8_000;

/** Sensitive actions (ending sessions, changing the second factor or roles) need the password again within this. */
export const reauthenticationSeconds = 5 * 60;

export const recoveryCodeCount = 10;

/** The caseload's attention rules: Opstap's settings, not from the report. */
export const caseloadRules = {
  /** A participant's question not answered within this many working days shows as waiting. */
  questionAnswerWorkingDays: 2,
  /** A trajectory that ends within this many days needs attention. */
  endingSoonDays: 30,
  /** No contact for longer than this counts as "no contact". */
  noContactDays: 14,
  /** At most this many open trajectories are read for one caseload page. */
  maxRows: 2000,
  /** At most this many referrals waiting for a coach are listed on a lead's home (the count covers all). */
  waitingReferralsShown: 50,
} as const;

/** Group training: Opstap's settings, not from the report. */
export const trainingRules = {
  /** This many sessions in a row missed without notice put the participant on the coach's "today" list. */
  absencesInARowAlert: 3,
  /** Largest group Opstap lets a cohort be planned for (the report names groups of about 12 to 15). */
  maxCapacity: 40,
} as const;

/** Coaching records: Opstap's settings, not from the report. */
export const coachingRules = {
  /** The same meeting record saved again within this many minutes is a double save, refused with 409. */
  duplicateMeetingMinutes: 10,
} as const;

/** Appointments: Opstap's settings, not from the report (which asks only for a reminder the day before). */
export const appointmentRules = {
  /** The reminder goes the day before, at this hour (Europe/Amsterdam). */
  reminderHour: 10,
  /** Appointments are planned at most this many months ahead. */
  monthsAhead: 6,
  /** Start times are on a grid of this many minutes (09:00, 09:05, …). */
  minuteStep: 5,
} as const;
