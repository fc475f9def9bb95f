/** The one error shape every route handler answers with: `{ error: { code, message, fields? } }`. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export function errorResponse(
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
  headers: Record<string, string> = {},
): Response {
  const body: ErrorBody = { error: { code, message, ...(fields ? { fields } : {}) } };
  return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

export const unauthenticated = () => new HttpError(401, "unauthenticated", "Sign in to continue.");
export const workspaceNotFound = () =>
  new HttpError(404, "workspace_not_found", "This workspace is not connected to your account.");
export const notFound = (what = "That record") => new HttpError(404, "not_found", `${what} was not found.`);
