import { z } from 'zod';
import { defineErrors } from './contracts/common.ts';
import { organisationErrors } from './contracts/organisation.ts';
import { participantErrors } from './contracts/participants.ts';
import { trajectoryErrors } from './contracts/trajectories.ts';
import { trainingErrors } from './contracts/training.ts';
import { userErrors } from './contracts/users.ts';

/**
 * Stable error codes. The API answers `{ error: { code, message, details? } }`; the web app translates `code`
 * (key `errors.<code>` in the locale files). The codes every module can raise are here; a module's own codes live
 * in its contract file (`defineErrors`) and join the list below.
 */
const coreErrors = defineErrors({
  'request.invalid': { status: 400, message: 'Some fields are not valid.' },
  'request.malformed_json': { status: 400, message: 'The request body is not valid JSON.' },
  'request.too_large': { status: 413, message: 'The request is too large.' },
  'request.unsupported_media_type': { status: 415, message: 'Send the request body as application/json.' },
  'route.not_found': { status: 404, message: 'There is no such address in the API.' },
  'auth.invalid_credentials': { status: 401, message: 'The e-mail address or password is not correct.' },
  'auth.unauthenticated': { status: 401, message: 'Please log in first.' },
  'auth.session_expired': { status: 401, message: 'Your session has ended. Please log in again.' },
  'auth.forbidden': { status: 403, message: 'You may not do this.' },
  'auth.csrf': {
    status: 403,
    message: 'This request did not come from the Opstap pages. Reload the page and try again.',
  },
  'auth.throttled': { status: 429, message: 'Too many attempts. Try again later.' },
  'auth.second_factor_required': {
    status: 403,
    message: 'Enter the code from your authenticator app first.',
  },
  'auth.reauthentication_required': {
    status: 403,
    message: 'For this, enter your password (and code) again.',
  },
  'auth.totp_invalid': {
    status: 400,
    message: 'The code is not correct. Enter the code your app shows now.',
  },
  'auth.link_invalid': { status: 400, message: 'This link does not work. Ask for a new one.' },
  'auth.link_expired': { status: 410, message: 'This link has expired. Ask for a new one.' },
  'auth.link_used': { status: 410, message: 'This link was already used. Ask for a new one.' },
  'password.too_short': { status: 400, message: 'The password is too short.' },
  'password.too_common': { status: 400, message: 'This password is too common. Choose another.' },
  'password.mismatch': { status: 400, message: 'The passwords are not the same.' },
  'resource.not_found': { status: 404, message: 'Not found.' },
  'resource.conflict': {
    status: 409,
    message: 'Someone else changed this in the meantime. Look at the changes and try again.',
  },
  'privacy.bsn_refused': {
    status: 400,
    message: 'This looks like a BSN (citizen service number). Opstap may not store it: remove the number.',
  },
  'request.date_out_of_range': { status: 400, message: 'This date is too far in the past or the future.' },
  'server.error': { status: 500, message: 'Something went wrong on our side. Try again later.' },
  'server.unavailable': { status: 503, message: 'The service is not available right now.' },
});

export const errors = {
  ...coreErrors,
  ...organisationErrors,
  ...userErrors,
  ...participantErrors,
  ...trajectoryErrors,
  ...trainingErrors,
};

export type ErrorCode = keyof typeof errors;
export const errorCodes = Object.keys(errors) as [ErrorCode, ...ErrorCode[]];

export const errorResponse = z.object({
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
