/**
 * The Content-Security-Policy every response carries. Scripts run only with the request's
 * nonce (Next.js puts it on its own scripts) or when loaded by such a script
 * ('strict-dynamic'); forms may post only here and to the OAuth pages sign-in goes on to.
 * Imported by proxy.ts, so it reads the environment itself instead of `lib/config`.
 */
import { REGION_HOSTS } from "@/lib/intercom/regions";
import { intercomCredentials, sandboxSettings } from "@/lib/config/env";

type Env = Record<string, string | undefined>;

/** A fresh, unguessable nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Where a form on the dashboard may send the browser: Intercom's authorize pages, the sandbox's consent page. */
export function formTargets(env: Env): string[] {
  const targets: string[] = [];
  const intercom = intercomCredentials(env);
  if (intercom) for (const hosts of Object.values(REGION_HOSTS)) targets.push(new URL(hosts.app).origin);
  const sandbox = sandboxSettings(env, intercom !== null);
  if (sandbox.enabled) targets.push(new URL(sandbox.url).origin);
  return [...new Set(targets)];
}

export function contentSecurityPolicy({ nonce, dev, forms }: { nonce: string; dev: boolean; forms: string[] }): string {
  return [
    "default-src 'self'",
    // Only the dev server needs eval (React rebuilds server error stacks with it).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    ["form-action 'self'", ...forms].join(" "),
    "object-src 'none'",
  ].join("; ");
}
