import { randomUUID } from "node:crypto";

/** An error Intercom would answer with: a status and one or more `{code, message}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export interface ErrorList {
  type: "error.list";
  request_id: string;
  errors: { code: string; message: string; field?: string }[];
}

export function errorList(code: string, message: string, requestId: string = randomUUID(), field?: string): ErrorList {
  return { type: "error.list", request_id: requestId, errors: [field ? { code, message, field } : { code, message }] };
}

// The errors the sandbox raises, with Intercom's codes and wording.
export const badRequest = (message: string, code = "parameter_invalid", field?: string) =>
  new ApiError(400, code, message, field);
export const missingParameter = (name: string) =>
  new ApiError(400, "parameter_not_found", `${name} is a required parameter`, name);
export const notFound = (message = "Resource Not Found", code = "not_found") => new ApiError(404, code, message);
export const unauthorized = () => new ApiError(401, "unauthorized", "Access Token Invalid");
