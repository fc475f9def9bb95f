import type { NextRequest } from "next/server";
import { z } from "zod";
import type * as core from "zod/v4/core";
import type { SessionUser } from "@/lib/auth/session";
import type { WorkspaceConnection } from "@/lib/db/schema";
import { IntercomError } from "@/lib/intercom/errors";
import { readJsonBody } from "./body";
import { errorResponse, HttpError, intercomErrorCode, unauthenticated, workspaceNotFound } from "./errors";
import { checkOrigin } from "./origin";

type Params = Record<string, string | string[] | undefined>;

interface Options<
  B extends core.$ZodType | undefined,
  Q extends core.$ZodType | undefined,
  P extends core.$ZodType | undefined,
> {
  /** Require the `[workspace]` in the URL to be one of the session's connections. */
  workspace?: boolean;
  /**
   * A workspace route calls Intercom with the connection's token unless it says `false`
   * (saved views, jobs' records, the connection itself: our database only). One that does
   * is refused while Intercom refuses the token, so a dead token is not sent again.
   */
  intercom?: boolean;
  body?: B;
  query?: Q;
  /**
   * The URL's dynamic segments other than `[workspace]` (e.g. `{ id }`). A segment that does
   * not parse answers 404 `not_found`, with the schema's message (see lib/http/params.ts).
   */
  params?: P;
}

export interface RouteContext<B, Q, P = undefined> {
  req: NextRequest;
  user: SessionUser;
  /** Present when the route is workspace-scoped. */
  connection: WorkspaceConnection;
  body: B;
  query: Q;
  /** The dynamic segments as the `params` schema parsed them. */
  params: P;
}

type Out<T> = T extends core.$ZodType ? core.output<T> : undefined;

/** zod's issues as `{ "path.to.field": "message" }`, for errors shown beside fields. */
export function fieldErrors(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.join(".") : "_";
    out[key] ??= issue.message;
  }
  return out;
}

export interface RouteDeps {
  getUser: () => Promise<SessionUser | null>;
  findConnection: (user: SessionUser, workspaceId: string) => Promise<WorkspaceConnection | null>;
  allowedOrigin: () => string;
  /** Intercom answered 401 for this connection: its token no longer works. */
  markNeedsReconnect: (connection: WorkspaceConnection) => Promise<void>;
}

export const RECONNECT_MESSAGE =
  "Intercom no longer accepts this workspace's connection. Reconnect the workspace to continue.";

/**
 * The one wrapper every route handler goes through: the session (401), the workspace in
 * the URL belonging to it (404), Origin on mutations (403), a connection that must be
 * reconnected before Intercom is called again (401), the URL's other segments (404),
 * zod-parsed input (400 with field errors), and typed JSON errors for everything that goes wrong.
 */
export function createRoute(deps: RouteDeps) {
  return function route<
    B extends core.$ZodType | undefined = undefined,
    Q extends core.$ZodType | undefined = undefined,
    P extends core.$ZodType | undefined = undefined,
  >(options: Options<B, Q, P>, handler: (ctx: RouteContext<Out<B>, Out<Q>, Out<P>>) => Promise<unknown>) {
    return async (req: NextRequest, context: { params: Promise<Params> }): Promise<Response> => {
      let connection: WorkspaceConnection | null = null;
      try {
        const params = await context.params;
        const user = await deps.getUser();
        if (!user) throw unauthenticated();
        if (options.workspace) {
          const ws = params.workspace;
          if (typeof ws !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(ws)) throw workspaceNotFound();
          connection = await deps.findConnection(user, ws);
          if (!connection) throw workspaceNotFound();
        }
        checkOrigin(req, deps.allowedOrigin());
        if (connection?.status === "needs_reconnect" && options.intercom !== false)
          throw new HttpError("reconnect_required", RECONNECT_MESSAGE);
        let parsedParams: unknown = undefined;
        if (options.params) {
          const parsed = z.safeParse(options.params, params);
          if (!parsed.success) throw new HttpError("not_found", parsed.error.issues[0]?.message ?? "Not found.");
          parsedParams = parsed.data;
        }
        let query: unknown = undefined;
        if (options.query) {
          const parsed = z.safeParse(options.query, Object.fromEntries(req.nextUrl.searchParams));
          if (!parsed.success)
            throw new HttpError("invalid_query", "The query string is not valid.", fieldErrors(parsed.error));
          query = parsed.data;
        }
        let body: unknown = undefined;
        if (options.body) {
          const parsed = z.safeParse(options.body, await readJsonBody(req));
          if (!parsed.success)
            throw new HttpError("invalid_input", "Some fields are not valid.", fieldErrors(parsed.error));
          body = parsed.data;
        }
        const result = await handler({
          req,
          user,
          connection: connection as WorkspaceConnection,
          body: body as Out<B>,
          query: query as Out<Q>,
          params: parsedParams as Out<P>,
        });
        if (result instanceof Response) return result;
        return Response.json(result ?? null, { headers: { "Cache-Control": "no-store" } });
      } catch (e) {
        if (e instanceof IntercomError && e.status === 401 && connection) {
          // Marked once; the UI then offers to reconnect instead of retrying.
          await deps.markNeedsReconnect(connection).catch(() => {});
          return errorResponse("reconnect_required", RECONNECT_MESSAGE);
        }
        return toErrorResponse(e);
      }
    };
  };
}

export function toErrorResponse(e: unknown): Response {
  if (e instanceof HttpError) return errorResponse(e.code, e.message, e.fields, e.headers);
  if (e instanceof IntercomError) {
    const code = intercomErrorCode(e);
    const reset = e.rateLimit?.resetAt;
    const headers: Record<string, string> =
      code === "rate_limited" && reset
        ? { "Retry-After": String(Math.max(1, reset - Math.floor(Date.now() / 1000))) }
        : {};
    return errorResponse(code, code === "reconnect_required" ? RECONNECT_MESSAGE : e.message, undefined, headers);
  }
  console.error("Unhandled error in a route handler", e);
  return errorResponse("internal_error", "Something went wrong on the server. Try again.");
}
