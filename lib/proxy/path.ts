import { findAllowed, type AllowedCall } from "./allowlist";

export type ProxyTarget = { ok: true; call: AllowedCall; path: string; search: string } | { ok: false; status: 400 | 403; code: string; message: string };

/** Every Intercom path the dashboard uses is plain words and ids: nothing else gets through. */
const PATH = /^[A-Za-z0-9_-]{1,128}(\/[A-Za-z0-9_-]{1,128}){0,5}$/;
const QUERY_VALUE = /^[A-Za-z0-9_.,-]{0,100}$/;

/**
 * Turns the raw text after `/intercom/` into an upstream path, or refuses it. Working on
 * the raw text (not a decoded or normalised URL) is what catches `..`, `%2e%2e`, encoded
 * slashes, backslashes, doubled slashes, absolute URLs and host tricks: none of them can
 * match the plain pattern, so there is nothing to normalise and nothing to steer.
 */
export function resolveProxyTarget(method: string, rawPathAndQuery: string): ProxyTarget {
  const m = method.toUpperCase();
  const q = rawPathAndQuery.indexOf("?");
  const rawPath = q === -1 ? rawPathAndQuery : rawPathAndQuery.slice(0, q);
  const rawQuery = q === -1 ? "" : rawPathAndQuery.slice(q + 1);
  if (rawPath.length > 512 || !PATH.test(rawPath)) {
    return { ok: false, status: 400, code: "bad_path", message: "That Intercom path is not valid." };
  }
  const segments = rawPath.split("/");
  const call = findAllowed(m, segments);
  if (!call) {
    return { ok: false, status: 403, code: "not_allowed", message: `The dashboard does not make ${m} /${rawPath} calls.` };
  }
  const search = checkQuery(call, rawQuery);
  if (search === null) {
    return { ok: false, status: 400, code: "bad_query", message: "That query string is not accepted for this call." };
  }
  return { ok: true, call, path: `/${rawPath}`, search };
}

/** Only the parameters the call takes, each once, with plain values; rebuilt, never passed through. */
function checkQuery(call: AllowedCall, rawQuery: string): string | null {
  if (rawQuery === "") return "";
  if (rawQuery.length > 512 || /[^A-Za-z0-9_.,=&-]/.test(rawQuery)) return null;
  const params = new URLSearchParams(rawQuery);
  const seen = new Set<string>();
  const out = new URLSearchParams();
  for (const [key, value] of params) {
    if (!call.query?.includes(key) || seen.has(key) || !QUERY_VALUE.test(value)) return null;
    seen.add(key);
    out.set(key, value);
  }
  const text = out.toString();
  return text ? `?${text}` : "";
}
