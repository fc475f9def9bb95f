import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { meSchema, tokenResponseSchema } from "@/lib/intercom/schemas";
import { SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET, type RunningSandbox } from "@/lib/sandbox";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import {
  authorize,
  bootSandbox,
  client,
  control,
  exchangeCode,
  expectError,
  expectOk,
  oauthToken,
  REDIRECT_URI,
} from "../../support/sandbox";

let sb: RunningSandbox;
let us: Workspace;
let eu: Workspace;
beforeAll(async () => {
  sb = await bootSandbox();
  [us, eu] = sb.workspaces.map((w) => sb.sandbox.workspace(w.id_code)!);
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => sb.stop());

const page = (params: Record<string, string>) =>
  fetch(`${sb.url}/oauth?${new URLSearchParams(params)}`, { redirect: "manual" });
const decide = (fields: Record<string, string>) =>
  fetch(`${sb.url}/oauth/authorize`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
const riley = () => [...us.admins.values()].find((a) => a.name === "Riley Quinn")!;

describe("the consent page", () => {
  it("renders a form listing both workspaces and all their admins", async () => {
    const res = await page({ client_id: SANDBOX_CLIENT_ID, state: "xyz", redirect_uri: REDIRECT_URI });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('action="/oauth/authorize"');
    expect(html).toContain('name="state" value="xyz"');
    expect(html).toContain("Northwind Support");
    expect(html).toContain("Fjord Analytics");
    for (const w of [us, eu]) {
      for (const admin of w.admins.values()) {
        expect(html).toContain(`value="${w.info.id_code}:${admin.id}"`);
        expect(html).toContain(admin.name);
      }
    }
    expect(html).toMatch(/Riley Quinn[^<]*\(email not verified\)/);
    expect(html).toContain('value="approve"');
    expect(html).toContain('value="deny"');
  });

  it("escapes what it echoes back", async () => {
    const html = await (
      await page({ client_id: SANDBOX_CLIENT_ID, state: '"><script>alert(1)</script>', redirect_uri: REDIRECT_URI })
    ).text();
    expect(html).not.toContain("<script>alert(1)</script>");
    expect(html).toContain("&quot;&gt;&lt;script&gt;");
  });

  it.each([
    ["another origin", "https://evil.example/callback"],
    ["a look-alike host", "http://localhost:3000.evil.example/cb"],
    ["another port", "http://localhost:3001/api/auth/callback/intercom"],
    ["not a URL", "callback"],
  ])("refuses a redirect_uri on %s, without redirecting", async (_label, redirect_uri) => {
    const res = await page({ client_id: SANDBOX_CLIENT_ID, state: "s", redirect_uri });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
    expect(await res.text()).toMatch(/redirect_uri/);
    const posted = await decide({
      client_id: SANDBOX_CLIENT_ID,
      redirect_uri,
      state: "s",
      decision: "approve",
      admin: `${us.info.id_code}:${us.info.owner_admin_id}`,
    });
    expect(posted.status).toBe(400);
    expect(posted.headers.get("location")).toBeNull();
  });

  it("refuses an unknown client_id", async () => {
    expect((await page({ client_id: "someone-else", state: "s", redirect_uri: REDIRECT_URI })).status).toBe(400);
  });
});

describe("the decision", () => {
  it("deny sends the user back with error=access_denied and the state, and no code", async () => {
    const res = await decide({
      client_id: SANDBOX_CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      state: "st-9",
      decision: "deny",
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location")!);
    expect(location.origin + location.pathname).toBe(REDIRECT_URI);
    expect(location.searchParams.get("error")).toBe("access_denied");
    expect(location.searchParams.get("state")).toBe("st-9");
    expect(location.searchParams.has("code")).toBe(false);
  });

  it("approve sends back a code and the state", async () => {
    const location = await authorize(sb.url, us.info.id_code, us.info.owner_admin_id);
    expect(location.origin + location.pathname).toBe(REDIRECT_URI);
    expect(location.searchParams.get("state")).toBe("st-1");
    expect(location.searchParams.get("code")).toMatch(/^[\w-]{20,}$/);
  });

  it("approve refuses an admin who is not in the chosen workspace", async () => {
    const res = await decide({
      client_id: SANDBOX_CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      state: "s",
      decision: "approve",
      admin: `${us.info.id_code}:${eu.info.owner_admin_id}`,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
  });
});

describe("the token exchange", () => {
  it("trades a code for a token, as JSON and as a form; the token's /me is the chosen admin", async () => {
    for (const as of ["json", "form"] as const) {
      const admin = [...eu.admins.values()][3];
      const location = await authorize(sb.url, eu.info.id_code, admin.id);
      const { accessToken } = expectOk(
        await exchangeCode(sb.url, location.searchParams.get("code")!, as),
        tokenResponseSchema,
      );
      const me = expectOk(await client(sb.url, accessToken)("GET", "/me"), meSchema);
      expect(me).toMatchObject({ id: admin.id, name: admin.name, email: admin.email, email_verified: true });
      expect(me.app?.id_code).toBe(eu.info.id_code);
    }
  });

  it("takes client credentials in a Basic header too", async () => {
    const location = await authorize(sb.url, us.info.id_code, us.info.owner_admin_id);
    const res = await fetch(`${sb.url}/auth/eagle/token`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Authorization: `Basic ${Buffer.from(`${SANDBOX_CLIENT_ID}:${SANDBOX_CLIENT_SECRET}`).toString("base64")}`,
      },
      body: new URLSearchParams({ code: location.searchParams.get("code")! }).toString(),
    });
    expect(res.status).toBe(200);
    tokenResponseSchema.parse(await res.json());
  });

  it("signs in the unverified admin, whose /me says email_verified false", async () => {
    const token = await oauthToken(sb.url, us.info.id_code, riley().id);
    const me = expectOk(await client(sb.url, token)("GET", "/me"), meSchema);
    expect(me).toMatchObject({ name: "Riley Quinn", email_verified: false });
  });

  it("a code works once", async () => {
    const code = (await authorize(sb.url, us.info.id_code, us.info.owner_admin_id)).searchParams.get("code")!;
    expectOk(await exchangeCode(sb.url, code), tokenResponseSchema);
    expectError(await exchangeCode(sb.url, code), 400, "parameter_invalid", /invalid|used/);
    expectError(await exchangeCode(sb.url, "made-up-code"), 400, "parameter_invalid");
  });

  it("a code expires after a minute", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const fresh = (await authorize(sb.url, us.info.id_code, us.info.owner_admin_id)).searchParams.get("code")!;
    const stale = (await authorize(sb.url, us.info.id_code, us.info.owner_admin_id)).searchParams.get("code")!;
    vi.setSystemTime(Date.now() + 59_000);
    expectOk(await exchangeCode(sb.url, fresh), tokenResponseSchema);
    vi.setSystemTime(Date.now() + 2_000);
    expectError(await exchangeCode(sb.url, stale), 400, "parameter_invalid", /expired/);
    vi.useRealTimers();
    expectError(await exchangeCode(sb.url, stale), 400, "parameter_invalid");
  });

  it("refuses a wrong secret or client with a 401 and no token", async () => {
    const code = (await authorize(sb.url, us.info.id_code, us.info.owner_admin_id)).searchParams.get("code")!;
    const wrong = await exchangeCode(sb.url, code, "json", "not-the-secret");
    expectError(wrong, 401, "unauthorized");
    expect(JSON.stringify(wrong.body)).not.toMatch(/access_token/);
    const res = await fetch(`${sb.url}/auth/eagle/token`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code, client_id: "other", client_secret: SANDBOX_CLIENT_SECRET }),
    });
    expect(res.status).toBe(401);
  });

  it("refuses a missing code, a mismatched redirect_uri and malformed JSON", async () => {
    const post = (body: string, type = "application/json") =>
      fetch(`${sb.url}/auth/eagle/token`, { method: "POST", headers: { "Content-Type": type }, body }).then(
        async (r) => ({
          status: r.status,
          body: await r.json(),
          headers: r.headers,
        }),
      );
    expectError(
      await post(JSON.stringify({ client_id: SANDBOX_CLIENT_ID, client_secret: SANDBOX_CLIENT_SECRET })),
      400,
      "parameter_not_found",
      "code is a required parameter",
    );
    const code = (await authorize(sb.url, us.info.id_code, us.info.owner_admin_id)).searchParams.get("code")!;
    expectError(
      await post(
        JSON.stringify({
          code,
          client_id: SANDBOX_CLIENT_ID,
          client_secret: SANDBOX_CLIENT_SECRET,
          redirect_uri: "http://localhost:3000/other",
        }),
      ),
      400,
      "parameter_invalid",
      /redirect_uri/,
    );
    expectError(await post("{"), 400, "parameter_invalid");
  });
});

describe("revoking", () => {
  it("POST /sandbox/revoke makes that workspace's OAuth tokens answer 401, and nothing else", async () => {
    const usToken = client(sb.url, await oauthToken(sb.url, us.info.id_code, us.info.owner_admin_id));
    const euToken = client(sb.url, await oauthToken(sb.url, eu.info.id_code, eu.info.owner_admin_id));
    const personal = client(sb.url, sb.workspaces[0].access_token);
    expect((await usToken("GET", "/me")).status).toBe(200);
    const revoked = await control(sb.url)<{ revoked: number }>("POST", "/sandbox/revoke", { id_code: us.info.id_code });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revoked).toBeGreaterThanOrEqual(1);
    expectError(await usToken("GET", "/me"), 401, "unauthorized", "Access Token Invalid");
    expect((await euToken("GET", "/me")).status).toBe(200);
    expect((await personal("GET", "/me")).status).toBe(200);
    expectError(await control(sb.url)("POST", "/sandbox/revoke", {}), 400, "parameter_not_found");
  });
});
