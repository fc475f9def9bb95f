import "server-only";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { meSchema, tokenResponseSchema, type Me } from "@/lib/intercom/schemas";
import { oauthEndpoints, REGION_HOSTS, type Region } from "@/lib/intercom/regions";
import { statesMatch } from "./state";

export type SignInTarget = { kind: "intercom"; region: Region } | { kind: "sandbox"; url: string };

export function providerId(target: SignInTarget): string {
  return target.kind === "sandbox" ? "intercom-sandbox" : `intercom-${target.region.toLowerCase()}`;
}

/**
 * Intercom's OAuth: an authorize page, a code traded at /auth/eagle/token for a token
 * that never expires, and /me to learn who signed in and which workspace (app) it is.
 * Each region (and the sandbox) is its own provider, because the token and API hosts
 * follow the workspace's region.
 */
export function intercomProvider(
  target: SignInTarget,
  credentials: { clientId: string; clientSecret: string },
): OAuthConfig<Me> {
  const hosts = target.kind === "sandbox" ? { api: target.url, app: target.url } : REGION_HOSTS[target.region];
  const endpoints = oauthEndpoints(hosts);
  return {
    id: providerId(target),
    name: target.kind === "sandbox" ? "Intercom sandbox" : `Intercom (${target.region})`,
    type: "oauth",
    clientId: credentials.clientId,
    clientSecret: credentials.clientSecret,
    checks: ["state"],
    authorization: { url: endpoints.authorize, params: { scope: undefined } },
    token: {
      url: endpoints.token,
      async request({ params, provider, checks }) {
        // The flow's own state, from this browser's cookie, against the one in the callback:
        // without this a code from someone else's flow would sign this browser in as them.
        if (!statesMatch(checks.state, params.state))
          throw new Error("The sign-in's state does not match this browser's flow");
        const res = await fetch(endpoints.token, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({
            code: params.code,
            client_id: provider.clientId,
            client_secret: provider.clientSecret,
          }),
          signal: AbortSignal.timeout(20_000),
          cache: "no-store",
        });
        if (!res.ok) throw new Error(`Intercom refused the authorization code (${res.status})`);
        const { accessToken } = tokenResponseSchema.parse(await res.json());
        return { tokens: { access_token: accessToken, token_type: "bearer" } };
      },
    },
    userinfo: {
      url: endpoints.me,
      async request({ tokens }) {
        const res = await fetch(endpoints.me, {
          headers: {
            Authorization: `Bearer ${tokens.access_token}`,
            Accept: "application/json",
            "Intercom-Version": "2.14",
          },
          signal: AbortSignal.timeout(20_000),
          cache: "no-store",
        });
        if (!res.ok) throw new Error(`Intercom did not identify the admin (${res.status})`);
        return meSchema.parse(await res.json());
      },
    },
    profile(profile) {
      return {
        id: `${profile.app?.id_code ?? "unknown"}:${profile.id}`,
        name: profile.name,
        email: profile.email,
        image: null,
      };
    },
  };
}
