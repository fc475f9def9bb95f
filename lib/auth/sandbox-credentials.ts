/**
 * The OAuth client the dashboard presents to the embedded sandbox. The sandbox is local
 * and its workspaces are fake, so these are not secrets; they only need to match what the
 * sandbox was started with (the dashboard starts it with these).
 */
export const SANDBOX_CREDENTIALS = {
  clientId: process.env.SANDBOX_CLIENT_ID ?? "sandbox-dashboard",
  clientSecret: process.env.SANDBOX_CLIENT_SECRET ?? "sandbox-dashboard-secret",
};
