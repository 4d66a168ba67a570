export type LoginNext = 'done' | 'totp' | 'totp_setup';

/** Where to go after a login step: the code page, the forced app setup, or where the person was heading. */
export function pathAfterLogin(next: LoginNext, after: string | null) {
  if (next === 'totp') return after ? `/login/code?next=${encodeURIComponent(after)}` : '/login/code';
  if (next === 'totp_setup') return '/account/security';
  return after ?? '/';
}
