import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { catalogRoutes } from "./api/catalog";
import { contactRoutes } from "./api/contacts";
import { conversationRoutes } from "./api/conversations";
import { ticketRoutes } from "./api/tickets";
import { objectBody } from "./api/validate";
import { ApiError, badRequest, errorList } from "./errors";
import { Faults, RateLimiter } from "./faults";
import { RequestLog } from "./request-log";
import { OAuthServer, type OAuthClient } from "./oauth";
import { matchRoute, type ApiContext, type TokenInfo } from "./router";
import { seedWorkspaces, type SeedOptions } from "./seed";
import type { Workspace } from "./store/workspace";
import {
  API_VERSIONS,
  atLeast,
  DEFAULT_API_VERSION,
  isApiVersion,
  shapeOf,
  unavailableInVersion,
  unsupportedVersion,
  type ApiVersion,
} from "./versions";

const ROUTES = [...catalogRoutes, ...contactRoutes, ...ticketRoutes, ...conversationRoutes];
const MAX_BODY_BYTES = 2 * 1024 * 1024;
const MUTATING = new Set(["POST", "PUT", "DELETE"]);

/** The control surface's own answers are not Intercom's; they only serve tests and people. */
export interface WorkspaceSummary {
  id_code: string;
  name: string;
  region: string;
  timezone: string;
  access_token: string;
}

export class Sandbox {
  private workspaces: Workspace[] = [];
  private tokens = new Map<string, TokenInfo>();
  /** Every token ever handed out, revoked or not: tests check none reaches a browser. */
  private issued = new Map<string, TokenInfo>();
  readonly faults = new Faults();
  private limiter = new RateLimiter();
  readonly requests = new RequestLog();
  /** What the API handler learnt about a request, for the log once the answer is sent. */
  private pending = new WeakMap<ServerResponse, { workspace: string | null; applied: boolean }>();
  private oauth: OAuthServer;
  /** The Intercom-Version answered when a request names none (GET/POST /sandbox/settings). */
  apiVersion: ApiVersion;

  constructor(
    private seed: SeedOptions,
    clients: OAuthClient[],
    private log: (line: string) => void = () => {},
    apiVersion: ApiVersion = DEFAULT_API_VERSION,
  ) {
    this.apiVersion = apiVersion;
    this.oauth = new OAuthServer(clients);
    this.reseed();
  }

  /** Back to the seeded state; OAuth tokens stay valid (their workspaces keep their ids). */
  reseed(): void {
    this.workspaces = seedWorkspaces(this.seed);
    for (const [token, info] of this.tokens) if (info.kind === "personal") this.tokens.delete(token);
    for (const ws of this.workspaces) {
      const token = personalToken(String(this.seed.seed), ws.info.id_code);
      this.tokens.set(token, {
        token,
        idCode: ws.info.id_code,
        adminId: ws.info.owner_admin_id,
        kind: "personal",
        clientId: null,
      });
      this.issued.set(token, this.tokens.get(token)!);
    }
    this.limiter.reset();
  }

  summaries(): WorkspaceSummary[] {
    return this.workspaces.map((ws) => ({
      id_code: ws.info.id_code,
      name: ws.info.name,
      region: ws.info.region,
      timezone: ws.info.timezone,
      access_token: personalToken(String(this.seed.seed), ws.info.id_code),
    }));
  }

  workspace(idCode: string): Workspace | undefined {
    return this.workspaces.find((w) => w.info.id_code === idCode);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomUUID();
    const url = new URL(req.url ?? "/", "http://sandbox.local");
    const method = (req.method ?? "GET").toUpperCase();
    const path = url.pathname;
    try {
      if (path.startsWith("/sandbox/") || path === "/sandbox")
        return await this.control(req, res, method, path, requestId);
      if (path === "/oauth" && method === "GET") {
        const { status, html } = this.oauth.authorizePage(url.searchParams, this.workspaces);
        return sendHtml(res, status, html);
      }
      if (path === "/oauth/authorize" && method === "POST") {
        const form = new URLSearchParams(await readBody(req));
        const out = this.oauth.decide(form, this.workspaces);
        if (out.location) {
          res.writeHead(302, { Location: out.location, "Cache-Control": "no-store" });
          return void res.end();
        }
        return sendHtml(res, out.status, out.html ?? "");
      }
      if (path === "/auth/eagle/token" && method === "POST") return await this.token(req, res, requestId);
      const note = { workspace: null as string | null, applied: false };
      this.pending.set(res, note);
      const token = headerValue(req, "authorization")?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null;
      const receivedAt = Date.now();
      res.once("close", () =>
        this.requests.add({
          received_at: receivedAt,
          at: Date.now(),
          method,
          path,
          status: res.statusCode,
          workspace: note.workspace,
          token,
          applied: note.applied,
        }),
      );
      return await this.api(req, res, method, path, url.searchParams, requestId);
    } catch (e) {
      if (e instanceof ApiError)
        return sendJson(res, e.status, errorList(e.code, e.message, requestId, e.field), { "X-Request-Id": requestId });
      // The client went away mid-request: nobody is left to answer.
      if (req.destroyed || (e as Error).message === "aborted") return void res.destroy();
      this.log(`sandbox: unexpected error on ${method} ${path}: ${(e as Error).stack ?? String(e)}`);
      return sendJson(res, 500, errorList("server_error", "An unexpected error occurred", requestId), {
        "X-Request-Id": requestId,
      });
    }
  }

  private async api(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    path: string,
    query: URLSearchParams,
    requestId: string,
  ): Promise<void> {
    const baseHeaders: Record<string, string> = { "X-Request-Id": requestId };
    const auth = this.authenticate(req);
    if (!auth) {
      await drain(req);
      return sendJson(res, 401, errorList("unauthorized", "Access Token Invalid", requestId), baseHeaders);
    }
    const ws = this.workspace(auth.idCode)!;
    const note = this.pending.get(res);
    if (note) note.workspace = auth.idCode;
    const delay = this.faults.delayMs();
    if (delay > 0) await sleep(delay);

    const { settings } = this.faults;
    const rate = this.limiter.hit(
      `${auth.clientId ?? "personal"}:${auth.idCode}`,
      settings.rate_limit_per_window,
      settings.window_seconds,
    );
    const headers = { ...baseHeaders, ...rate.headers };
    if (rate.limited) {
      await drain(req);
      return sendJson(
        res,
        429,
        errorList(
          "rate_limit_exceeded",
          `Exceeded rate limit of ${settings.rate_limit_per_window} in ${settings.window_seconds} seconds`,
          requestId,
        ),
        headers,
      );
    }
    const injected = this.faults.takeFailure(method, path);
    if (injected) {
      await drain(req);
      return sendJson(res, injected.status, errorList(...injectedError(injected.status), requestId), headers);
    }
    const requested = headerValue(req, "intercom-version");
    const version = requested ?? this.apiVersion;
    if (!isApiVersion(version)) {
      await drain(req);
      const e = unsupportedVersion(version);
      return sendJson(res, e.status, errorList(e.code, e.message, requestId), headers);
    }
    const strike = this.faults.randomError();
    if (strike === "before" || (strike === "after" && !MUTATING.has(method))) {
      await drain(req);
      return sendJson(res, 503, errorList("service_unavailable", "Service Unavailable", requestId), headers);
    }
    const match = matchRoute(ROUTES, method, path);
    if (!match) {
      await drain(req);
      return sendJson(res, 404, errorList("not_found", "Resource Not Found", requestId), headers);
    }
    if (match.route.since && !atLeast(version, match.route.since)) {
      await drain(req);
      const e = unavailableInVersion();
      return sendJson(res, e.status, errorList(e.code, e.message, requestId), headers);
    }
    let result: unknown;
    try {
      // Inside the try: a malformed body is an authenticated answer too, with rate-limit headers.
      const body = await readJsonBody(req);
      const ctx: ApiContext = {
        method,
        path,
        params: match.params,
        query,
        body,
        ws,
        auth,
        version,
        shape: shapeOf(version),
        now: () => Math.floor(Date.now() / 1000),
      };
      result = match.route.handler(ctx);
      if (note) note.applied = true;
    } catch (e) {
      if (e instanceof ApiError)
        return sendJson(res, e.status, errorList(e.code, e.message, requestId, e.field), headers);
      throw e;
    }
    if (strike === "after") {
      // The change is made; only the answer is lost, as after a gateway timeout.
      return sendJson(res, 502, errorList("bad_gateway", "Bad Gateway", requestId), headers);
    }
    return sendJson(res, 200, result, headers);
  }

  private authenticate(req: IncomingMessage): TokenInfo | undefined {
    const header = headerValue(req, "authorization");
    const match = header?.match(/^Bearer\s+(\S+)$/i);
    return match ? this.tokens.get(match[1]) : undefined;
  }

  private async token(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const raw = await readBody(req);
    const type = headerValue(req, "content-type") ?? "";
    let params: Record<string, unknown>;
    if (type.includes("application/json")) {
      params = objectBody(parseJson(raw));
    } else {
      params = Object.fromEntries(new URLSearchParams(raw));
    }
    const basic = parseBasic(headerValue(req, "authorization"));
    const injected = this.faults.takeFailure("POST", "/auth/eagle/token");
    if (injected) return sendJson(res, injected.status, errorList(...injectedError(injected.status), requestId));
    const granted = this.oauth.exchange(params, basic);
    const token = `sbx_oat_${randomBytes(24).toString("base64url")}`;
    this.tokens.set(token, {
      token,
      idCode: granted.idCode,
      adminId: granted.adminId,
      kind: "oauth",
      clientId: granted.clientId,
    });
    this.issued.set(token, this.tokens.get(token)!);
    return sendJson(
      res,
      200,
      { type: "access_token", token_type: "Bearer", token, access_token: token },
      { "Cache-Control": "no-store" },
    );
  }

  private async control(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    path: string,
    requestId: string,
  ): Promise<void> {
    const json = (status: number, body: unknown) => sendJson(res, status, body, { "X-Request-Id": requestId });
    if (path === "/sandbox/health" && method === "GET") return json(200, { ok: true });
    if (path === "/sandbox/workspaces" && method === "GET") return json(200, this.summaries());
    if (path === "/sandbox/reset" && method === "POST") {
      await drain(req);
      this.reseed();
      return json(200, { ok: true });
    }
    if (path === "/sandbox/faults") {
      if (method === "GET") return json(200, this.faultState());
      if (method === "DELETE") {
        this.faults.reset();
        this.limiter.reset();
        return json(200, this.faultState());
      }
      if (method === "POST") {
        this.faults.update(await readJsonBody(req));
        return json(200, this.faultState());
      }
    }
    if (path === "/sandbox/settings") {
      if (method === "GET") return json(200, this.settings());
      if (method === "POST") {
        const body = objectBody(await readJsonBody(req));
        const unknown = Object.keys(body).filter((k) => k !== "api_version");
        if (unknown.length > 0)
          throw badRequest(`Unknown setting: ${unknown.join(", ")}`, "parameter_invalid", unknown[0]);
        if (body.api_version !== undefined) {
          if (typeof body.api_version !== "string" || !isApiVersion(body.api_version))
            throw badRequest(
              `api_version must be one of ${API_VERSIONS.join(", ")}`,
              "parameter_invalid",
              "api_version",
            );
          this.apiVersion = body.api_version;
        }
        return json(200, this.settings());
      }
    }
    if (path === "/sandbox/tokens" && method === "GET") {
      return json(
        200,
        [...this.issued.values()].map((t) => ({
          token: t.token,
          id_code: t.idCode,
          admin_id: t.adminId,
          kind: t.kind,
          revoked: !this.tokens.has(t.token),
        })),
      );
    }
    if (path === "/sandbox/requests") {
      if (method === "DELETE") {
        this.requests.clear();
        return json(200, { ok: true });
      }
      if (method === "GET") {
        const q = new URL(req.url ?? "/", "http://sandbox.local").searchParams;
        const since = Number(q.get("since") ?? 0);
        if (!Number.isInteger(since) || since < 0)
          throw badRequest("since must be a sequence number", "parameter_invalid", "since");
        return json(
          200,
          this.requests.query({
            since,
            method: q.get("method") ?? undefined,
            pathPrefix: q.get("path_prefix") ?? undefined,
            workspace: q.get("id_code") ?? undefined,
            token: q.get("token") ?? undefined,
          }),
        );
      }
    }
    if (path === "/sandbox/revoke" && method === "POST") {
      const body = objectBody(await readJsonBody(req));
      if (typeof body.id_code !== "string")
        throw badRequest("id_code is a required parameter", "parameter_not_found", "id_code");
      let revoked = 0;
      for (const [token, info] of this.tokens) {
        if (info.kind === "oauth" && info.idCode === body.id_code) {
          this.tokens.delete(token);
          revoked++;
        }
      }
      return json(200, { revoked });
    }
    await drain(req);
    return json(404, errorList("not_found", "Resource Not Found", requestId));
  }

  private settings() {
    return { api_version: this.apiVersion, api_versions: API_VERSIONS };
  }

  private faultState() {
    return { ...this.faults.settings, fail_next: this.faults.failNext };
  }
}

/** Personal access tokens are stable for a seed, so scripts can keep using one. */
export function personalToken(seed: string, idCode: string): string {
  return `sbx_pat_${idCode}_${createHash("sha256").update(`${seed}:${idCode}`).digest("base64url").slice(0, 32)}`;
}

function injectedError(status: number): [string, string] {
  if (status === 401) return ["unauthorized", "Access Token Invalid"];
  if (status === 403) return ["api_plan_restricted", "Active subscription needed."];
  if (status === 404) return ["not_found", "Resource Not Found"];
  if (status === 429) return ["rate_limit_exceeded", "Exceeded rate limit"];
  if (status >= 500) return ["server_error", "Server Error"];
  return ["parameter_invalid", "Injected failure"];
}

function headerValue(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function parseBasic(header: string | undefined): { id: string; secret: string } | null {
  const m = header?.match(/^Basic\s+(\S+)$/i);
  if (!m) return null;
  const [id, ...rest] = Buffer.from(m[1], "base64").toString("utf8").split(":");
  return { id: decodeURIComponent(id), secret: decodeURIComponent(rest.join(":")) };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  // An oversized body is read to its end and dropped: leaving the loop early would destroy the
  // request mid-upload and leave the keep-alive connection unusable for the client's next call.
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= MAX_BODY_BYTES) chunks.push(chunk as Buffer);
  }
  if (size > MAX_BODY_BYTES) throw new ApiError(413, "request_too_large", "The request body is too large");
  return Buffer.concat(chunks).toString("utf8");
}

async function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded) return;
  req.resume();
  await new Promise<void>((resolve) => {
    req.on("end", resolve);
    req.on("error", () => resolve());
    req.on("close", () => resolve());
  });
}

function parseJson(raw: string): unknown {
  if (raw.trim() === "") return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest("The request body is not valid JSON");
  }
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  return parseJson(await readBody(req));
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  // Encoded once: a page of tickets is about a megabyte, and byteLength would scan it twice.
  const payload = Buffer.from(JSON.stringify(body), "utf8");
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": payload.length,
    ...headers,
  });
  res.end(payload);
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action *",
    "Cache-Control": "no-store",
  });
  res.end(html);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
