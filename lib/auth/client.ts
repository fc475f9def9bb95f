/**
 * Starting and ending a session from the browser: next-auth's endpoints called directly,
 * which is all next-auth/react's signIn and signOut do, without shipping that library to
 * every page.
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

/** Sends the lead to Intercom's authorize page for a provider (a region or the sandbox). */
export async function signInWith(provider: string, callbackUrl: string, authorizationParams: Record<string, string> = {}): Promise<void> {
  const query = new URLSearchParams(authorizationParams).toString();
  window.location.href = await post(`/api/auth/signin/${encodeURIComponent(provider)}${query ? `?${query}` : ""}`, { callbackUrl });
}

export async function signOutTo(callbackUrl: string): Promise<void> {
  const url = await post("/api/auth/signout", { callbackUrl });
  window.location.href = url;
}
