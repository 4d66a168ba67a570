import type * as c from '../shared/contracts/index.ts';
import type { Endpoint } from '../shared/contracts/common.ts';
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
type Query = Record<string, unknown>;

/**
 * Every endpoint of the API, keyed `METHOD path` exactly as the server's routes (src/server/routes) declare them,
 * with the contract schemas of what it takes and answers. `api.get`, `api.post`, … accept only these paths and
 * type the params, query, body and answer from them. `api.test.ts` checks this list against the route files.
 */
export type Endpoints = {
  'POST /api/auth/login': Endpoint<{ body: typeof c.loginRequest; response: typeof c.loginResponse }>;
  'POST /api/auth/logout': Endpoint<{ response: typeof c.ok }>;
  'GET /api/auth/me': Endpoint<{ response: typeof c.me }>;
  'PUT /api/auth/me/language': Endpoint<{ body: typeof c.languageRequest; response: typeof c.ok }>;
  'POST /api/auth/totp/setup': Endpoint<{ response: typeof c.totpSetupResponse }>;
  'POST /api/auth/totp/confirm': Endpoint<{
    body: typeof c.totpConfirmRequest;
    response: typeof c.totpConfirmResponse;
  }>;
  'POST /api/auth/totp/verify': Endpoint<{
    body: typeof c.totpVerifyRequest;
    response: typeof c.loginResponse;
  }>;
  'GET /api/auth/sessions': Endpoint<{ response: typeof c.sessionList }>;
  'DELETE /api/auth/sessions/:id': Endpoint<{ params: typeof c.sessionParams; response: typeof c.ok }>;
  'POST /api/auth/sessions/end-others': Endpoint<{ response: typeof c.sessionsEnded }>;
  'POST /api/auth/reauthenticate': Endpoint<{ body: typeof c.reauthenticateRequest; response: typeof c.ok }>;
  'POST /api/auth/password': Endpoint<{ body: typeof c.passwordChange; response: typeof c.sessionsEnded }>;
  'POST /api/auth/password-reset': Endpoint<{ body: typeof c.passwordResetRequest; response: typeof c.ok }>;
  'POST /api/auth/password-reset/complete': Endpoint<{
    body: typeof c.passwordResetComplete;
    response: typeof c.ok;
  }>;
  'GET /api/auth/invitation': Endpoint<{ query: typeof c.tokenQuery; response: typeof c.tokenStatus }>;
  'POST /api/auth/invitation/accept': Endpoint<{
    body: typeof c.invitationAccept;
    response: typeof c.loginResponse;
  }>;
  'GET /api/programme': Endpoint<{ response: typeof c.programme }>;
  'PATCH /api/programme': Endpoint<{ body: typeof c.programmeUpdate; response: typeof c.programme }>;
  'GET /api/regions': Endpoint<{ response: typeof c.regionList }>;
  'GET /api/municipalities': Endpoint<{
    query: typeof c.municipalityQuery;
    response: typeof c.municipalityList;
  }>;
  'PATCH /api/municipalities/:code': Endpoint<{
    params: typeof c.municipalityParams;
    body: typeof c.municipalityRegionUpdate;
    response: typeof c.municipality;
  }>;
  'GET /api/partnerships': Endpoint<{ query: typeof c.partnershipQuery; response: typeof c.partnershipList }>;
  'GET /api/partnerships/:id': Endpoint<{ params: typeof c.idParams; response: typeof c.partnership }>;
  'POST /api/partnerships': Endpoint<{ body: typeof c.partnershipCreate; response: typeof c.partnership }>;
  'PATCH /api/partnerships/:id': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.partnershipUpdate;
    response: typeof c.partnership;
  }>;
  'GET /api/participants': Endpoint<{ query: typeof c.participantQuery; response: typeof c.participantList }>;
  'POST /api/participants': Endpoint<{ body: typeof c.referralCreate; response: typeof c.referralCreated }>;
  'GET /api/participants/:id': Endpoint<{
    params: typeof c.idParams;
    response: typeof c.participantFileResponse;
  }>;
  'PATCH /api/participants/:id': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.profileUpdate;
    response: typeof c.participantFileResponse;
  }>;
  /** The referrer corrects their referral while it is still "referred". */
  'PATCH /api/participants/:id/referral': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.referralCorrection;
    response: typeof c.participantFileResponse;
  }>;
  'POST /api/participants/:id/language-levels': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.languageLevelCreate;
    response: typeof c.participantFileResponse;
  }>;
  'POST /api/participants/:id/trajectories': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.trajectoryCreate;
    response: typeof c.participantFileResponse;
  }>;
  'POST /api/participants/:id/portal-account': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.portalAccountCreate;
    response: typeof c.participantFileResponse;
  }>;
  /** Sends the invitation again, to the same or a corrected address. */
  'PUT /api/participants/:id/portal-account': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.portalAccountCreate;
    response: typeof c.participantFileResponse;
  }>;
  'GET /api/participants/:id/timeline': Endpoint<{
    params: typeof c.idParams;
    query: typeof c.timelineQuery;
    response: typeof c.timeline;
  }>;
  'GET /api/participants/:id/cv': Endpoint<{ params: typeof c.idParams; response: typeof c.cv }>;
  'GET /api/occupations': Endpoint<{ query: typeof c.occupationSearch; response: typeof c.occupationList }>;
  'GET /api/health': Endpoint<{ response: typeof c.health }>;
  'GET /api/jobs/failed': Endpoint<{ response: typeof c.failedJobList }>;
  'POST /api/jobs/:name/:id/retry': Endpoint<{ params: typeof c.jobParams; response: typeof c.ok }>;
  'GET /api/outbox': Endpoint<{ response: typeof c.outboxList }>;
  'POST /api/trajectories/:id/status': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.trajectoryAction;
    response: typeof c.participantFileResponse;
  }>;
  'PUT /api/trajectories/:id/coach': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.coachAssign;
    response: typeof c.participantFileResponse;
  }>;
  'POST /api/trajectories/:id/extensions': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.extensionCreate;
    response: typeof c.participantFileResponse;
  }>;
  'GET /api/trajectories/:id/plan': Endpoint<{ params: typeof c.idParams; response: typeof c.plan }>;
  'PUT /api/trajectories/:id/plan': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.planSave;
    response: typeof c.plan;
  }>;
  'POST /api/trajectories/:id/plan/agreement': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.planAgree;
    response: typeof c.plan;
  }>;
  'PUT /api/trajectories/:id/steps/:stepId': Endpoint<{
    params: typeof c.stepParams;
    body: typeof c.stepStatusUpdate;
    response: typeof c.plan;
  }>;
  'POST /api/trajectories/:id/meetings': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.meetingCreate;
    response: typeof c.created;
  }>;
  'POST /api/trajectories/:id/notes': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.noteCreate;
    response: typeof c.created;
  }>;
  'POST /api/trajectories/:id/questions': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.questionCreate;
    response: typeof c.created;
  }>;
  'POST /api/trajectories/:id/applications': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.applicationCreate;
    response: typeof c.created;
  }>;
  'GET /api/trajectories/:id/applications': Endpoint<{
    params: typeof c.idParams;
    response: typeof c.applicationList;
  }>;
  'PATCH /api/trajectories/:id/applications/:applicationId': Endpoint<{
    params: typeof c.applicationParams;
    body: typeof c.applicationUpdate;
    response: typeof c.created;
  }>;
  'POST /api/trajectories/:id/activities': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.activityCreate;
    response: typeof c.created;
  }>;
  'GET /api/caseload': Endpoint<{ query: typeof c.caseloadQuery; response: typeof c.caseload }>;
  'GET /api/caseload/waiting-referrals': Endpoint<{ response: typeof c.waitingReferrals }>;
  'GET /api/caseload/workload': Endpoint<{ response: typeof c.workload }>;
  'GET /api/coaches': Endpoint<{ response: typeof c.coachOptionList }>;
  'GET /api/portal': Endpoint<{ response: typeof c.portal }>;
  'GET /api/training/modules': Endpoint<{ response: typeof c.curriculumList }>;
  'POST /api/training/modules': Endpoint<{
    body: typeof c.curriculumCreate;
    response: typeof c.curriculumModule;
  }>;
  'PATCH /api/training/modules/:id': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.curriculumUpdate;
    response: typeof c.curriculumModule;
  }>;
  'GET /api/cohorts': Endpoint<{ query: typeof c.cohortQuery; response: typeof c.cohortList }>;
  'POST /api/cohorts': Endpoint<{ body: typeof c.cohortCreate; response: typeof c.created }>;
  'PATCH /api/cohorts/:id': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.cohortUpdate;
    response: typeof c.created;
  }>;
  'GET /api/cohorts/:id': Endpoint<{ params: typeof c.idParams; response: typeof c.cohortPage }>;
  'POST /api/cohorts/:id/sessions': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.sessionCreate;
    response: typeof c.created;
  }>;
  'PUT /api/sessions/:id/attendance': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.attendanceSave;
    response: typeof c.attendanceSaved;
  }>;
  'POST /api/trajectories/:id/cohort': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.cohortJoin;
    response: typeof c.cohortJoined;
  }>;
  'GET /api/users': Endpoint<{ query: typeof c.userQuery; response: typeof c.userList }>;
  'POST /api/users': Endpoint<{ body: typeof c.invitationCreate; response: typeof c.user }>;
  'PATCH /api/users/:id': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.userUpdate;
    response: typeof c.user;
  }>;
  'POST /api/users/:id/invitation': Endpoint<{ params: typeof c.idParams; response: typeof c.ok }>;
  'POST /api/users/:id/sessions/end': Endpoint<{
    params: typeof c.idParams;
    response: typeof c.sessionsEnded;
  }>;
  'POST /api/users/:id/second-factor/reset': Endpoint<{ params: typeof c.idParams; response: typeof c.ok }>;
  'GET /api/role-assignments/pending': Endpoint<{ response: typeof c.roleToConfirmList }>;
  'GET /api/trajectories/:id/questions': Endpoint<{
    params: typeof c.idParams;
    response: typeof c.questionList;
  }>;
  'POST /api/questions/:id/answers': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.answerCreate;
    response: typeof c.created;
  }>;
  'POST /api/questions/:id/close': Endpoint<{ params: typeof c.idParams; response: typeof c.created }>;
  'POST /api/trajectories/:id/appointments': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.appointmentCreate;
    response: typeof c.appointment;
  }>;
  'GET /api/trajectories/:id/appointments': Endpoint<{
    params: typeof c.idParams;
    response: typeof c.appointmentList;
  }>;
  'PUT /api/appointments/:id': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.appointmentUpdate;
    response: typeof c.appointment;
  }>;
  'POST /api/appointments/:id/cancel': Endpoint<{
    params: typeof c.idParams;
    body: typeof c.appointmentCancel;
    response: typeof c.appointment;
  }>;
  'POST /api/role-assignments/:id/confirm': Endpoint<{ params: typeof c.idParams; response: typeof c.ok }>;
  'GET /api/employers': Endpoint<{ response: typeof c.employerList }>;
  'GET /api/audit': Endpoint<{ query: typeof c.auditQuery; response: typeof c.auditList }>;
};

type Route = keyof Endpoints;
/** The paths that accept a method, e.g. `PathOf<'GET'>` includes `/api/participants/:id`. */
export type PathOf<M extends Method> = Route extends infer R
  ? R extends `${M} ${infer P}`
    ? P
    : never
  : never;
type EndpointAt<M extends Method, P extends PathOf<M>> = Endpoints[`${M} ${P}` & Route];
/** What an endpoint answers: `ResponseOf<'GET', '/api/participants/:id'>`. */
export type ResponseOf<M extends Method, P extends PathOf<M>> = EndpointAt<M, P>['response'];
/** What an endpoint takes as its body. */
export type BodyOf<M extends Method, P extends PathOf<M>> = EndpointAt<M, P>['body'];
/** What an endpoint takes as its query string. */
export type QueryOf<M extends Method, P extends PathOf<M>> = EndpointAt<M, P>['query'];

/** A part the endpoint does not take may be left out; one whose fields are all optional may be too. */
type Part<K extends string, T> = [T] extends [undefined]
  ? { [_ in K]?: undefined }
  : object extends T
    ? { [_ in K]?: T }
    : { [_ in K]: T };
type RequestOf<E extends { params: unknown; query: unknown; body: unknown }> = Part<'params', E['params']> &
  Part<'query', E['query']> &
  Part<'body', E['body']>;
/** The request argument, optional when nothing in it is required. */
type RequestArgs<E extends { params: unknown; query: unknown; body: unknown }> =
  object extends RequestOf<E> ? [request?: RequestOf<E>] : [request: RequestOf<E>];

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

const noRedirect = new Set<string>(['/api/auth/me', '/api/auth/login']);
const reauthenticatePath = '/api/auth/reauthenticate';

type Options = { method: Method; params?: unknown; query?: unknown; body?: unknown };

/** The path with its `:name` parts filled in from `params`, each encoded. */
export function pathWith(path: string, params?: unknown) {
  const values = (params ?? {}) as Record<string, unknown>;
  return path.replace(/:(\w+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`${path}: no value for :${name}`);
    return encodeURIComponent(String(value));
  });
}

/**
 * Sends one request: JSON in, JSON out, errors as `ApiError`. When an action needs the password again
 * (`auth.reauthentication_required`), it asks for it once and repeats the request once.
 */
async function request<T>(path: string, options: Options): Promise<T> {
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

const call =
  <M extends Method>(method: M) =>
  <P extends PathOf<M>>(path: P, ...[parts]: RequestArgs<EndpointAt<M, P>>): Promise<ResponseOf<M, P>> =>
    request(path, { method, ...parts });

/**
 * The one way the web app talks to the API, typed by the contracts: a path as the server declares it, its
 * params, query and body, and the answer, e.g. `api.get('/api/participants/:id', { params: { id } })`.
 */
export const api = {
  get: call('GET'),
  post: call('POST'),
  put: call('PUT'),
  patch: call('PATCH'),
  delete: call('DELETE'),
};

async function send<T>(path: string, options: Options): Promise<T> {
  let response: Response;
  try {
    response = await fetch(withQuery(pathWith(path, options.params), options.query as Query | undefined), {
      method: options.method,
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
  // A wrong password (when changing it, or confirming an action) is not a lost session.
  if (response.status === 401 && code !== 'auth.invalid_credentials' && !noRedirect.has(path))
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
