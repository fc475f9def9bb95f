import { createHash, timingSafeEqual } from "node:crypto";

/**
 * OAuth `state`: the value this browser's flow started with (kept in a signed cookie) must
 * equal the one Intercom sends back. Compared in constant time; a missing value on either
 * side never matches.
 */
export function statesMatch(expected: unknown, received: unknown): boolean {
  if (typeof expected !== "string" || typeof received !== "string" || !expected || !received) return false;
  const digest = (v: string) => createHash("sha256").update(v, "utf8").digest();
  return timingSafeEqual(digest(expected), digest(received)) && expected.length === received.length;
}

/** next-auth's cookie holding the flow's state, by scheme. */
export function stateCookieName(secure: boolean): string {
  return `${secure ? "__Secure-" : ""}next-auth.state`;
}
