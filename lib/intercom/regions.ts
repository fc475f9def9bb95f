/** Intercom's hosts per region. A workspace lives in one region; its token works only there. */
export const REGIONS = ["US", "EU", "AU"] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_HOSTS: Record<Region, { api: string; app: string; label: string }> = {
  US: { api: "https://api.intercom.io", app: "https://app.intercom.com", label: "United States" },
  EU: { api: "https://api.eu.intercom.io", app: "https://app.eu.intercom.com", label: "Europe" },
  AU: { api: "https://api.au.intercom.io", app: "https://app.au.intercom.com", label: "Australia" },
};

export function isRegion(value: string): value is Region {
  return (REGIONS as readonly string[]).includes(value);
}

/** Where a connection's API calls go: the sandbox, or its region's API host. */
export function apiBaseUrl(target: "intercom" | "sandbox", region: string, sandboxUrl: string): string {
  if (target === "sandbox") return sandboxUrl;
  const upper = region.toUpperCase();
  if (!isRegion(upper)) throw new Error(`Unknown Intercom region: ${region}`);
  return REGION_HOSTS[upper].api;
}

/** The OAuth endpoints for a region (or the sandbox, which serves all three itself). */
export function oauthEndpoints(base: { api: string; app: string }): { authorize: string; token: string; me: string } {
  return { authorize: `${base.app}/oauth`, token: `${base.api}/auth/eagle/token`, me: `${base.api}/me` };
}
