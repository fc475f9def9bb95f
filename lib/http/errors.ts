/**
 * The one error shape every route handler answers with: `{ error: { code, message, fields? } }`,
 * and the closed list of codes, each with the status it is always answered with.
 */
import type { IntercomError } from "@/lib/intercom/errors";

export const ERROR_STATUS = {
  invalid_input: 400,
  invalid_query: 400,
  invalid_json: 400,
  invalid_path: 400,
  invalid_router_state: 400,
  invalid_callback_url: 400,
  too_deep: 400,
  request_aborted: 400,
  acting_identity: 400,
  empty_selection: 400,
  selection_too_large: 400,
  nothing_to_do: 400,
  confirmation_required: 400,
  /** Intercom refused the request (its own message follows). */
  intercom_refused: 400,
  unauthenticated: 401,
  reconnect_required: 401,
  origin_required: 403,
  bad_origin: 403,
  view_read_only: 403,
  intercom_forbidden: 403,
  not_found: 404,
  workspace_not_found: 404,
  view_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  /** The configured Intercom API version does not have what was asked (the reason follows). */
  not_in_version: 422,
  already_converted: 409,
  not_undoable: 409,
  not_running: 409,
  not_paused: 409,
  not_finished: 409,
  nothing_failed: 409,
  body_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal_error: 500,
  /** Intercom failed or could not be reached. */
  intercom_unavailable: 502,
  /** Intercom did not answer in time. */
  intercom_timeout: 504,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string> };
}

export class HttpError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "HttpError";
    this.status = ERROR_STATUS[code];
  }
}

export function errorResponse(
  code: ErrorCode,
  message: string,
  fields?: Record<string, string>,
  headers: Record<string, string> = {},
): Response {
  const body: ErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return Response.json(body, { status: ERROR_STATUS[code], headers: { "Cache-Control": "no-store", ...headers } });
}

/** A 400 with one field's error beside it. */
export const invalidField = (field: string, message: string) =>
  new HttpError("invalid_input", message, { [field]: message });
export const unauthenticated = () => new HttpError("unauthenticated", "Sign in to continue.");
export const workspaceNotFound = () =>
  new HttpError("workspace_not_found", "This workspace is not connected to your account.");
export const notFound = (what = "That record") => new HttpError("not_found", `${what} was not found.`);

/** Intercom's answer as one of this product's codes; Intercom's own words stay the message. */
export function intercomErrorCode(e: Pick<IntercomError, "status">): ErrorCode {
  if (e.status === 404) return "not_found";
  if (e.status === 429) return "rate_limited";
  if (e.status === 401) return "reconnect_required";
  if (e.status === 403) return "intercom_forbidden";
  if (e.status === 499) return "request_aborted";
  if (e.status === 504) return "intercom_timeout";
  if (e.status === 0 || e.status >= 500) return "intercom_unavailable";
  return "intercom_refused";
}
