import { errorResponse } from "@/lib/http/errors";

/**
 * Any API path no handler owns (a typo, or one a URL parser rewrote, like `a/%2e%2e/b`):
 * the same JSON error every route answers, never the HTML page for people.
 */
const unknown = () => errorResponse("not_found", "There is no such API endpoint.");

export const GET = unknown;
export const POST = unknown;
export const PUT = unknown;
export const PATCH = unknown;
export const DELETE = unknown;
