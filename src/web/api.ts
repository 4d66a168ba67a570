import type { ErrorCode } from '../shared/errors.ts';

/** An answer from the API that was not a success. `code` is one of the stable error codes. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network.error',
    readonly details?: unknown,
  ) {
    super(code);
    this.name = 'ApiError';
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

const noRedirect = new Set(['/api/auth/me', '/api/auth/login']);

/** The one way the web app talks to the API: JSON in, JSON out, errors as `ApiError`. */
export async function api<T>(
  path: string,
  options: { method?: Method; body?: unknown; query?: Query } = {},
): Promise<T> {
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
  if (response.status === 401 && !noRedirect.has(basePath)) sessionListener('unauthenticated');
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
