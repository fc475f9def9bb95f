/**
 * The settings proxy.ts needs as well as the server: plain functions of the environment,
 * without `server-only` or file access, so the proxy can import them.
 */
type Env = Record<string, string | undefined>;

/** The Intercom app's OAuth credentials, when both are set. */
export function intercomCredentials(env: Env): { clientId: string; clientSecret: string } | null {
  const clientId = env.INTERCOM_CLIENT_ID?.trim();
  const clientSecret = env.INTERCOM_CLIENT_SECRET?.trim();
  return clientId && clientSecret ? { clientId, clientSecret } : null;
}

/** The sandbox: on by `SANDBOX`, or by default when no Intercom app is configured. */
export function sandboxSettings(
  env: Env,
  intercomConfigured: boolean,
): { enabled: boolean; url: string; port: number; external: boolean } {
  const setting = env.SANDBOX?.trim().toLowerCase();
  const port = Number(env.SANDBOX_PORT ?? 4010);
  return {
    enabled: setting ? ["1", "on", "true", "yes"].includes(setting) : !intercomConfigured,
    url: (env.SANDBOX_URL ?? `http://127.0.0.1:${port}`).replace(/\/+$/, ""),
    port,
    external: Boolean(env.SANDBOX_URL),
  };
}
