import type { Workspace } from "./store/workspace";

/** Who a token acts as. */
export interface TokenInfo {
  token: string;
  idCode: string;
  adminId: string;
  kind: "personal" | "oauth";
  clientId: string | null;
}

export interface ApiContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  ws: Workspace;
  auth: TokenInfo;
  version: string;
  now: () => number;
}

export interface ApiResult {
  status?: number;
  body: unknown;
}

export type Handler = (ctx: ApiContext) => unknown;

export interface Route {
  method: string;
  segments: string[];
  handler: Handler;
  /** Intercom-Versions that have this endpoint; all when absent. */
  versions?: readonly string[];
}

export function route(method: string, pattern: string, handler: Handler, versions?: readonly string[]): Route {
  return { method, segments: pattern.split("/").filter(Boolean), handler, versions };
}

/** Matches a path against the routes; `{name}` segments become params. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
  version: string,
): { route: Route; params: Record<string, string> } | null {
  const parts = path.split("/").filter(Boolean);
  for (const r of routes) {
    if (r.method !== method || r.segments.length !== parts.length) continue;
    if (r.versions && !r.versions.includes(version)) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length; i++) {
      const seg = r.segments[i];
      if (seg.startsWith("{") && seg.endsWith("}")) {
        let value: string;
        try {
          value = decodeURIComponent(parts[i]);
        } catch {
          ok = false;
          break;
        }
        params[seg.slice(1, -1)] = value;
      } else if (seg !== parts[i]) {
        ok = false;
        break;
      }
    }
    if (ok) return { route: r, params };
  }
  return null;
}

export const KNOWN_VERSIONS = [
  "1.0",
  "1.1",
  "1.2",
  "1.3",
  "1.4",
  "2.0",
  "2.1",
  "2.2",
  "2.3",
  "2.4",
  "2.5",
  "2.6",
  "2.7",
  "2.8",
  "2.9",
  "2.10",
  "2.11",
  "2.12",
  "2.13",
  "2.14",
  "2.15",
  "2.16",
  "Unstable",
] as const;

export const DEFAULT_VERSION = "2.14";
