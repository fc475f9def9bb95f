/**
 * Input Next.js itself would fail on before any of the dashboard's code runs: a path that
 * does not decode as UTF-8, or a router state header that is not the shape Next.js expects.
 * proxy.ts refuses such requests with a 400 rather than let them end in a 500.
 */
import type { ErrorCode } from "@/lib/http/errors";
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";

export const ROUTER_STATE_HEADER = "next-router-state-tree";

/** Whether each percent-escape in the path decodes to UTF-8 (routing decodes every segment). */
export function pathDecodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the router state header (sent by client navigations) is absent or one Next.js
 * accepts. Checked with Next.js's own parser, so the two can never disagree.
 */
export function routerStateValid(header: string | null): boolean {
  if (header === null) return true;
  try {
    parseAndValidateFlightRouterState(header);
    return true;
  } catch {
    return false;
  }
}

/** What is wrong with a request before routing, in words for the client, or null. */
export function requestProblem(pathname: string, headers: Headers): { code: ErrorCode; message: string } | null {
  if (!pathDecodes(pathname))
    return { code: "invalid_path", message: "The address has a percent-encoding that is not valid UTF-8." };
  if (!routerStateValid(headers.get(ROUTER_STATE_HEADER)))
    return { code: "invalid_router_state", message: "The Next-Router-State-Tree header is not a valid router state." };
  return null;
}
