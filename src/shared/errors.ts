/**
 * Stable error codes. The API answers `{ error: { code, message, details? } }`;
 * the web app translates `code` (key `errors.<code>` in the locale files).
 */
export const errorStatus = {
  'request.invalid': 400,
  'request.malformed_json': 400,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'route.not_found': 404,
  'auth.invalid_credentials': 401,
  'auth.unauthenticated': 401,
  'auth.session_expired': 401,
  'auth.forbidden': 403,
  'auth.csrf': 403,
  'auth.throttled': 429,
  'auth.second_factor_required': 403,
  'auth.reauthentication_required': 403,
  'auth.totp_invalid': 400,
  'auth.link_invalid': 400,
  'auth.link_expired': 410,
  'auth.link_used': 410,
  'password.too_short': 400,
  'password.too_common': 400,
  'password.mismatch': 400,
  'resource.not_found': 404,
  'resource.conflict': 409,
  'user.email_taken': 409,
  'user.scope_required': 400,
  'partnership.dates_invalid': 400,
  'privacy.bsn_refused': 400,
  'request.date_out_of_range': 400,
  'participant.possible_duplicate': 409,
  'trajectory.transition_not_allowed': 409,
  'trajectory.partnership_required': 409,
  'trajectory.coach_required': 409,
  'trajectory.already_open': 409,
  'trajectory.extension_not_later': 400,
  'trajectory.not_active': 409,
  'plan.version_conflict': 409,
  'plan.nothing_to_agree': 409,
  'server.error': 500,
  'server.unavailable': 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;
export const errorCodes = Object.keys(errorStatus) as ErrorCode[];
