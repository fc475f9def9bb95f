/** Test helpers: a sandbox on a free port, and a small client that talks to it over HTTP. */
import { expect } from "vitest";
import type { ZodType } from "zod";
import { errorSchema, tokenResponseSchema } from "@/lib/intercom/schemas";
import {
  SANDBOX_CLIENT_ID,
  SANDBOX_CLIENT_SECRET,
  startSandbox,
  type RunningSandbox,
  type StartSandboxOptions,
} from "@/lib/sandbox";
import type { TicketTypeRec } from "@/lib/sandbox/store/types";
import type { Workspace } from "@/lib/sandbox/store/workspace";

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export type Api = ReturnType<typeof client>;

/** Where the dashboard lives in tests; the sandbox's OAuth page redirects back here. */
export const DASHBOARD_ORIGIN = "http://localhost:3000";
export const REDIRECT_URI = `${DASHBOARD_ORIGIN}/api/auth/callback/intercom`;

export async function bootSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  return startSandbox({ port: 0, seed: 42, log: () => {}, redirectOrigins: [DASHBOARD_ORIGIN], ...options });
}

async function parseReply<T>(res: Response): Promise<Reply<T>> {
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** Calls the sandbox's API as Intercom's would be called: a bearer token and JSON. */
export function client(baseUrl: string, token: string, version?: string) {
  return async function call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const res = await fetch(baseUrl + path, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        ...(version ? { "Intercom-Version": version } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    return parseReply<T>(res);
  };
}

/** The control surface (/sandbox/*): no token, plain JSON. */
export function control(baseUrl: string) {
  return async function call<T = unknown>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
    const res = await fetch(baseUrl + path, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    return parseReply<T>(res);
  };
}

/** A 200 whose body parses with the dashboard's schema for it. */
export function expectOk<T>(res: Reply, schema: ZodType<T>): T {
  expect(res.status, JSON.stringify(res.body)?.slice(0, 400)).toBe(200);
  return schema.parse(res.body);
}

/** Intercom's error.list with this status, and the code and message when given. */
export function expectError(res: Reply, status: number, code?: string, message?: string | RegExp) {
  expect(res.status, JSON.stringify(res.body)?.slice(0, 400)).toBe(status);
  const body = errorSchema.parse(res.body);
  expect(body.request_id).toBeTruthy();
  if (code !== undefined) expect(body.errors[0].code).toBe(code);
  if (typeof message === "string") expect(body.errors[0].message).toBe(message);
  else if (message) expect(body.errors[0].message).toMatch(message);
  return body;
}

export type SearchResource = "tickets" | "conversations" | "contacts";
const LIST_KEY: Record<SearchResource, string> = {
  tickets: "tickets",
  conversations: "conversations",
  contacts: "data",
};

interface SearchPage {
  items: Record<string, unknown>[];
  total_count: number;
  next: string | null;
  page: number | undefined;
}

/** One search request; fails the test on anything but a 200. */
export async function searchPage(
  api: Api,
  resource: SearchResource,
  query: unknown,
  pagination?: Record<string, unknown>,
): Promise<SearchPage> {
  const res = await api<Record<string, unknown>>("POST", `/${resource}/search`, {
    query,
    ...(pagination ? { pagination } : {}),
  });
  expect(res.status, JSON.stringify(res.body)?.slice(0, 400)).toBe(200);
  const body = res.body as {
    total_count: number;
    pages?: { page?: number; next?: { starting_after?: string } | null };
  };
  return {
    items: (res.body as Record<string, Record<string, unknown>[]>)[LIST_KEY[resource]],
    total_count: body.total_count,
    next: body.pages?.next?.starting_after ?? null,
    page: body.pages?.page,
  };
}

/**
 * Follows `pages.next.starting_after` to the end. `between` runs after each page, so tests
 * can edit records while a listing is in progress.
 */
export async function searchAll(
  api: Api,
  resource: SearchResource,
  query: unknown,
  perPage?: number,
  between?: (pageIndex: number, ids: string[]) => Promise<void>,
): Promise<{ ids: string[]; items: Record<string, unknown>[]; totals: number[]; pageSizes: number[] }> {
  const items: Record<string, unknown>[] = [];
  const totals: number[] = [];
  const pageSizes: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 1000; i++) {
    const page = await searchPage(api, resource, query, {
      ...(perPage ? { per_page: perPage } : {}),
      ...(cursor ? { starting_after: cursor } : {}),
    });
    items.push(...page.items);
    totals.push(page.total_count);
    pageSizes.push(page.items.length);
    if (between)
      await between(
        i,
        page.items.map((x) => String(x.id)),
      );
    cursor = page.next;
    if (!cursor) break;
  }
  return { ids: items.map((x) => String(x.id)), items, totals, pageSizes };
}

/** Search order, written out independently of the sandbox: newest first, then higher id first. */
export function bySearchOrder(a: { created_at: number; id: string }, b: { created_at: number; id: string }): number {
  if (a.created_at !== b.created_at) return b.created_at - a.created_at;
  const x = BigInt(/^\d+$/.test(a.id) ? a.id : `0x${a.id}`);
  const y = BigInt(/^\d+$/.test(b.id) ? b.id : `0x${b.id}`);
  return x === y ? 0 : x > y ? -1 : 1;
}

/**
 * Searches to the end and compares with the workspace's records kept by a hand-written
 * predicate, in search order; the predicate must keep some records but not all of them.
 */
export async function expectSearchMatches<R extends { id: string; created_at: number }>(
  api: Api,
  resource: SearchResource,
  ws: Workspace,
  name: string,
  query: unknown,
  keep: (record: R) => boolean,
): Promise<void> {
  const records = (resource === "tickets"
    ? [...ws.tickets.values()]
    : resource === "conversations"
      ? [...ws.conversations.values()]
      : [...ws.contacts.values()]) as unknown as R[];
  const expected = records
    .filter(keep)
    .sort(bySearchOrder)
    .map((r) => r.id);
  const got = await searchAll(api, resource, query, 150);
  expect(got.ids, name).toEqual(expected);
  expect(got.totals[0], name).toBe(expected.length);
  expect(expected.length, `${name} should match something`).toBeGreaterThan(0);
  expect(expected.length, `${name} should not match everything`).toBeLessThan(records.length);
}

/** Approves the OAuth consent form for one admin; returns the redirect's URL. */
export async function authorize(
  baseUrl: string,
  idCode: string,
  adminId: string,
  extra: Record<string, string> = {},
): Promise<URL> {
  const res = await fetch(`${baseUrl}/oauth/authorize`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_id: SANDBOX_CLIENT_ID,
      redirect_uri: REDIRECT_URI,
      state: "st-1",
      decision: "approve",
      admin: `${idCode}:${adminId}`,
      ...extra,
    }).toString(),
  });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!);
}

/** Trades a code at /auth/eagle/token, as JSON or as a form. */
export async function exchangeCode(
  baseUrl: string,
  code: string,
  as: "json" | "form" = "json",
  secret = SANDBOX_CLIENT_SECRET,
): Promise<Reply> {
  const params = { code, client_id: SANDBOX_CLIENT_ID, client_secret: secret };
  const res = await fetch(`${baseUrl}/auth/eagle/token`, {
    method: "POST",
    headers: { "Content-Type": as === "json" ? "application/json" : "application/x-www-form-urlencoded" },
    body: as === "json" ? JSON.stringify(params) : new URLSearchParams(params).toString(),
  });
  return parseReply(res);
}

/** The whole OAuth dance for one admin: consent, code, token. */
export async function oauthToken(baseUrl: string, idCode: string, adminId: string): Promise<string> {
  const location = await authorize(baseUrl, idCode, adminId);
  const res = await exchangeCode(baseUrl, location.searchParams.get("code")!);
  return expectOk(res, tokenResponseSchema).accessToken;
}

/** A valid value for each required custom attribute of a ticket type, for creating or changing into it. */
export function requiredValues(type: TicketTypeRec): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const a of type.attributes.filter(
    (x) => x.required_to_create && !x.archived && !x.name.startsWith("_default"),
  )) {
    if (a.data_type === "list") out[a.name] = a.list_options!.find((o) => !o.archived)!.id;
    else if (a.data_type === "string") out[a.name] = "Set while changing type";
    else if (a.data_type === "integer" || a.data_type === "decimal") out[a.name] = 3;
    else if (a.data_type === "boolean") out[a.name] = true;
    else if (a.data_type === "datetime") out[a.name] = 1_800_000_000;
  }
  return out;
}
