/**
 * Ending a session from the browser: next-auth's endpoint called directly, which is all
 * next-auth/react's signOut does, without shipping that library to every page. (Signing in
 * is a plain form on the sign-in page.)
 */
async function csrfToken(): Promise<string> {
  const res = await fetch("/api/auth/csrf", { credentials: "same-origin" });
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

async function post(path: string, fields: Record<string, string>): Promise<string> {
  const res = await fetch(path, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" }),
  });
  const { url } = (await res.json()) as { url: string };
  return url;
}

export async function signOutTo(callbackUrl: string): Promise<void> {
  const url = await post("/api/auth/signout", { callbackUrl });
  window.location.href = url;
}
