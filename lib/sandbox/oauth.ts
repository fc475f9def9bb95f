import { randomBytes, timingSafeEqual } from "node:crypto";
import { ApiError, badRequest } from "./errors";
import type { Workspace } from "./store/workspace";

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  name: string;
  /** Origins a redirect_uri may point at (the dashboard's own). */
  redirectOrigins: string[];
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  idCode: string;
  adminId: string;
  expiresAt: number;
}

export const CODE_TTL_MS = 60_000;

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export class OAuthServer {
  private codes = new Map<string, PendingCode>();

  constructor(private clients: OAuthClient[]) {}

  private client(clientId: string | null): OAuthClient | undefined {
    return this.clients.find((c) => c.clientId === clientId);
  }

  /** A redirect_uri is allowed only on one of the client's origins. */
  private checkRedirect(client: OAuthClient, redirectUri: string | null): string {
    if (!redirectUri) throw badRequest("redirect_uri is required", "parameter_not_found", "redirect_uri");
    let url: URL;
    try {
      url = new URL(redirectUri);
    } catch {
      throw badRequest("redirect_uri is not a valid URL", "parameter_invalid", "redirect_uri");
    }
    if (!client.redirectOrigins.includes(url.origin)) {
      throw badRequest(
        `redirect_uri must be on ${client.redirectOrigins.join(" or ") || "a configured origin"}`,
        "parameter_invalid",
        "redirect_uri",
      );
    }
    return url.toString();
  }

  /** GET /oauth: the consent page, a plain HTML form. */
  authorizePage(query: URLSearchParams, workspaces: Workspace[]): { status: number; html: string } {
    try {
      const client = this.client(query.get("client_id"));
      if (!client) throw badRequest("Unknown client_id", "parameter_invalid", "client_id");
      const redirectUri = this.checkRedirect(client, query.get("redirect_uri"));
      const state = query.get("state") ?? "";
      const hint = query.get("workspace");
      const fieldsets = workspaces
        .map((ws) => {
          const admins = [...ws.admins.values()]
            .map((a, i) => {
              const checked = (hint ? ws.info.id_code === hint : ws === workspaces[0]) && i === 0 ? " checked" : "";
              const id = `admin-${ws.info.id_code}-${a.id}`;
              const note = a.email_verified ? "" : " (email not verified)";
              return `<div class="row"><input type="radio" name="admin" id="${id}" value="${ws.info.id_code}:${a.id}"${checked}><label for="${id}">${escape(a.name)} &lt;${escape(a.email)}&gt;${note}</label></div>`;
            })
            .join("");
          return `<fieldset><legend>${escape(ws.info.name)} · ${ws.info.region}</legend>${admins}</fieldset>`;
        })
        .join("");
      const html = page(
        `Authorize ${escape(client.name)}`,
        `<h1>Authorize ${escape(client.name)}</h1>
<p>${escape(client.name)} wants to read and update this workspace's tickets, conversations and contacts. Choose the workspace and the teammate to sign in as.</p>
<form method="post" action="/oauth/authorize">
<input type="hidden" name="client_id" value="${escape(client.clientId)}">
<input type="hidden" name="state" value="${escape(state)}">
<input type="hidden" name="redirect_uri" value="${escape(redirectUri)}">
${fieldsets}
<div class="actions"><button type="submit" name="decision" value="approve">Authorize access</button> <button type="submit" name="decision" value="deny">Cancel</button></div>
</form>`,
      );
      return { status: 200, html };
    } catch (e) {
      if (e instanceof ApiError)
        return {
          status: e.status,
          html: page("Authorization error", `<h1>Authorization error</h1><p role="alert">${escape(e.message)}</p>`),
        };
      throw e;
    }
  }

  /** POST /oauth/authorize: approve (a one-time code) or deny, back to the client. */
  decide(form: URLSearchParams, workspaces: Workspace[]): { status: number; location?: string; html?: string } {
    try {
      const client = this.client(form.get("client_id"));
      if (!client) throw badRequest("Unknown client_id", "parameter_invalid", "client_id");
      const redirectUri = this.checkRedirect(client, form.get("redirect_uri"));
      const target = new URL(redirectUri);
      const state = form.get("state");
      if (state) target.searchParams.set("state", state);
      if (form.get("decision") !== "approve") {
        target.searchParams.set("error", "access_denied");
        return { status: 302, location: target.toString() };
      }
      const [idCode, adminId] = (form.get("admin") ?? "").split(":");
      const ws = workspaces.find((w) => w.info.id_code === idCode);
      if (!ws || !ws.admins.has(adminId))
        throw badRequest("Choose a workspace and a teammate", "parameter_invalid", "admin");
      const code = randomBytes(24).toString("base64url");
      this.codes.set(code, {
        clientId: client.clientId,
        redirectUri,
        idCode,
        adminId,
        expiresAt: Date.now() + CODE_TTL_MS,
      });
      target.searchParams.set("code", code);
      return { status: 302, location: target.toString() };
    } catch (e) {
      if (e instanceof ApiError)
        return {
          status: e.status,
          html: page("Authorization error", `<h1>Authorization error</h1><p role="alert">${escape(e.message)}</p>`),
        };
      throw e;
    }
  }

  /** POST /auth/eagle/token: trades a one-time code for a token scoped to one workspace. */
  exchange(
    params: Record<string, unknown>,
    basicAuth: { id: string; secret: string } | null,
  ): { idCode: string; adminId: string; clientId: string } {
    const clientId = typeof params.client_id === "string" ? params.client_id : basicAuth?.id;
    const secret = typeof params.client_secret === "string" ? params.client_secret : basicAuth?.secret;
    const client = this.client(clientId ?? null);
    if (!client || !secret || !safeEqual(secret, client.clientSecret))
      throw new ApiError(401, "unauthorized", "Invalid client_id or client_secret");
    if (typeof params.code !== "string" || params.code === "")
      throw badRequest("code is a required parameter", "parameter_not_found", "code");
    const pending = this.codes.get(params.code);
    // One use only: a code is gone once presented, whatever the outcome.
    this.codes.delete(params.code);
    if (!pending || pending.clientId !== client.clientId)
      throw badRequest("The code is invalid or has already been used", "parameter_invalid", "code");
    if (pending.expiresAt < Date.now()) throw badRequest("The code has expired", "parameter_invalid", "code");
    if (typeof params.redirect_uri === "string" && params.redirect_uri !== pending.redirectUri) {
      throw badRequest("redirect_uri does not match the one used to authorize", "parameter_invalid", "redirect_uri");
    }
    return { idCode: pending.idCode, adminId: pending.adminId, clientId: client.clientId };
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;color:#111}fieldset{margin:1rem 0;border:1px solid #ccc;border-radius:6px}legend{font-weight:600}.row{margin:.35rem 0}button{font:inherit;padding:.5rem 1rem;margin-right:.5rem}button:focus-visible,input:focus-visible{outline:3px solid #2563eb;outline-offset:2px}</style>
</head><body><main>${body}<p><small>Intercom sandbox · not a real Intercom workspace</small></p></main></body></html>`;
}
