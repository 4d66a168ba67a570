import type { TFunction } from 'i18next';
import { ApiError } from './api.ts';

/** The translated text for a failed call: `errors.<code>` from the locale files. */
export function errorText(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unknown');
  if (error.code === 'auth.throttled') {
    const minutes = Number(
      (error.details as { retryAfterMinutes?: unknown } | undefined)?.retryAfterMinutes ?? 1,
    );
    return t('errors.auth.throttled', { minutes: Number.isFinite(minutes) ? minutes : 1 });
  }
  const key = `errors.${error.code}`;
  return t(key, { defaultValue: t('errors.unknown') });
}

/** Only paths inside the app, so a crafted `?next=` link cannot send someone elsewhere. */
export function safeNext(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  return value;
}
