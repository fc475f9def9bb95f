import type { Workspace } from "./store/workspace";
import type { ApiVersion, VersionShape } from "./versions";

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
  version: ApiVersion;
  /** What the version changes, for serializers and parameter checks. */
  shape: VersionShape;
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
  /** The first Intercom-Version that has this endpoint; every version when absent. */
  since?: ApiVersion;
}

export function route(method: string, pattern: string, handler: Handler, since?: ApiVersion): Route {
  return { method, segments: pattern.split("/").filter(Boolean), handler, since };
}

/** Matches a path against the routes; `{name}` segments become params. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | null {
  const parts = path.split("/").filter(Boolean);
  for (const r of routes) {
    if (r.method !== method || r.segments.length !== parts.length) continue;
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
