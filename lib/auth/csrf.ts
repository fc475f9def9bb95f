import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret, config } from "@/lib/config";

/**
 * next-auth's double-submit CSRF token, read on the server so sign-in and sign-out can be
 * plain HTML forms that work before (or without) the page's scripts. The cookie holds
 * `token|sha256(token + secret)`; the form carries the token.
 */
export function csrfCookieName(): string {
  return `${config().publicUrl.startsWith("https://") ? "__Host-" : ""}next-auth.csrf-token`;
}

const hashOf = (token: string) => createHash("sha256").update(`${token}${authSecret()}`).digest("hex");

/** The token in a valid CSRF cookie, or null. */
export function csrfTokenFrom(cookieValue: string | undefined): string | null {
  if (!cookieValue) return null;
  const [token, hash] = cookieValue.split("|");
  if (!token || !hash || !/^[0-9a-f]{64}$/.test(token) || !/^[0-9a-f]{64}$/.test(hash)) return null;
  return timingSafeEqual(Buffer.from(hash, "hex"), Buffer.from(hashOf(token), "hex")) ? token : null;
}

/** A fresh cookie value and its token, exactly as next-auth makes them. */
export function newCsrfCookie(): { token: string; value: string } {
  const token = randomBytes(32).toString("hex");
  return { token, value: `${token}|${hashOf(token)}` };
}
