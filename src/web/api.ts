import type { ErrorCode } from '../shared/errors.ts';

/** An answer from the API that was not a success. `code` is one of the stable error codes. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network.error';
  readonly details?: unknown;
  constructor(status: number, code: ApiError['code'], details?: unknown) {
    super(code);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | boolean | null | undefined>;

/** Called when the session is gone (401) or needs its second step; the app redirects. */
type SessionListener = (reason: 'unauthenticated' | 'second_factor') => void;
let sessionListener: SessionListener = () => {};
export const onSessionProblem = (listener: SessionListener) => {
  sessionListener = listener;
};

/** Adds the query parameters that have a value. */
export function withQuery(path: string, query?: Query) {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Asks the person for their password (and code) again; resolves `true` once the API accepted it, `false` when
 * they cancel. Registered by the dialog in the app shell.
 */
type ReauthenticationPrompt = () => Promise<boolean>;
let reauthenticationPrompt: ReauthenticationPrompt | null = null;
let openPrompt: Promise<boolean> | null = null;
export const onReauthenticationNeeded = (prompt: ReauthenticationPrompt | null) => {
  reauthenticationPrompt = prompt;
};

/** One dialog at a time: requests that need it together wait for the same answer. */
function askToReauthenticate(): Promise<boolean> {
  if (!reauthenticationPrompt) return Promise.resolve(false);
  openPrompt ??= reauthenticationPrompt().finally(() => {
    openPrompt = null;
  });
  return openPrompt;
}

const noRedirect = new Set(['/api/auth/me', '/api/auth/login']);
export const reauthenticatePath = '/api/auth/reauthenticate';

type Options = { method?: Method; body?: unknown; query?: Query };

/**
 * The one way the web app talks to the API: JSON in, JSON out, errors as `ApiError`. When an action needs the
 * password again (`auth.reauthentication_required`), it asks for it once and repeats the request once.
 */
export async function api<T>(path: string, options: Options = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (error) {
    if (
      error instanceof ApiError &&
      error.code === 'auth.reauthentication_required' &&
      path !== reauthenticatePath &&
      (await askToReauthenticate())
    )
      return send<T>(path, options);
    throw error;
  }
}

async function send<T>(path: string, options: Options): Promise<T> {
  const method = options.method ?? 'GET';
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: options.body !== undefined ? JSON.stringify(options.body) : undefined,
    });
  } catch {
    throw new ApiError(0, 'network.error');
  }
  const text = await response.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (response.ok) return data as T;

  const error = (data as { error?: { code?: string; details?: unknown } } | null)?.error;
  const code = (error?.code ?? (response.status >= 500 ? 'server.error' : 'request.invalid')) as ErrorCode;
  const apiError = new ApiError(response.status, code, error?.details);
  const basePath = path.split('?')[0] ?? path;
  // A wrong password (when changing it, or confirming an action) is not a lost session.
  if (response.status === 401 && code !== 'auth.invalid_credentials' && !noRedirect.has(basePath))
    sessionListener('unauthenticated');
  if (code === 'auth.second_factor_required') sessionListener('second_factor');
  throw apiError;
}

/** Field names the API blamed, without the `body.` prefix: from validation issues or `details.field`. */
export function fieldsOf(error: unknown): string[] {
  if (!(error instanceof ApiError) || !error.details) return [];
  const details = error.details;
  if (Array.isArray(details))
    return details
      .map((d) => (typeof d === 'object' && d && 'field' in d ? String((d as { field: unknown }).field) : ''))
      .filter(Boolean)
      .map((f) => f.replace(/^(body|query|params|querystring)\./, ''));
  if (typeof details === 'object' && 'field' in details)
    return [String((details as { field: unknown }).field)];
  return [];
}
