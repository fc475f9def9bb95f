/** Shared e2e helpers: the sandbox beside the dashboard, and signing in through its OAuth page. */
import { expect, type Page } from "@playwright/test";
import { E2E } from "../../playwright.config";

export const SANDBOX_URL = `http://127.0.0.1:${E2E.sandboxPort}`;

export interface SandboxWorkspace {
  id_code: string;
  name: string;
  region: string;
  timezone: string;
  access_token: string;
}

export async function sandboxWorkspaces(): Promise<SandboxWorkspace[]> {
  const res = await fetch(`${SANDBOX_URL}/sandbox/workspaces`);
  return (await res.json()) as SandboxWorkspace[];
}

export async function workspace(name: "Northwind Support" | "Fjord Analytics"): Promise<SandboxWorkspace> {
  const found = (await sandboxWorkspaces()).find((w) => w.name === name);
  if (!found) throw new Error(`No sandbox workspace named ${name}`);
  return found;
}

/** Calls the sandbox directly with a workspace's personal token: the ground truth to compare against. */
export async function sandboxApi<T>(
  ws: SandboxWorkspace,
  method: string,
  path: string,
  body?: unknown,
  version?: string,
): Promise<T> {
  const res = await fetch(SANDBOX_URL + path, {
    method,
    headers: {
      Authorization: `Bearer ${ws.access_token}`,
      Accept: "application/json",
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
      ...(version ? { "Intercom-Version": version } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`sandbox ${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** Sets the sandbox's faults (`POST /sandbox/faults`), or clears them all with `null`. */
export const sandboxFaults = (body: unknown) =>
  fetch(`${SANDBOX_URL}/sandbox/faults`, {
    method: body === null ? "DELETE" : "POST",
    headers: { "Content-Type": "application/json" },
    body: body === null ? undefined : JSON.stringify(body),
  });

/** Every ticket matching an Intercom query, read from the sandbox page by page. */
export async function allTickets<T>(ws: SandboxWorkspace, query: unknown): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await sandboxApi<{ tickets: T[]; pages?: { next?: { starting_after?: string } } }>(
      ws,
      "POST",
      "/tickets/search",
      { query, pagination: { per_page: 150, ...(cursor ? { starting_after: cursor } : {}) } },
    );
    out.push(...page.tickets);
    cursor = page.pages?.next?.starting_after;
  } while (cursor);
  return out;
}

/** Every token the sandbox has handed out so far: personal and OAuth. */
export async function issuedTokens(): Promise<string[]> {
  const res = await fetch(`${SANDBOX_URL}/sandbox/tokens`);
  const list = (await res.json()) as { token: string }[];
  return list.map((t) => t.token);
}

/** Goes through the sandbox's consent page as a person would. */
export async function approveOnSandbox(page: Page, adminLabel?: RegExp): Promise<void> {
  await expect(page.getByRole("heading", { name: /Authorize/ })).toBeVisible();
  if (adminLabel) await page.getByRole("radio", { name: adminLabel }).check();
  await page.getByRole("button", { name: "Authorize access" }).click();
}

export async function signInTo(page: Page, name: string): Promise<string> {
  await page.goto("/signin");
  await page.getByRole("button", { name: new RegExp(`^(Sign in to|Connect|Reconnect) ${name}$`) }).click();
  await approveOnSandbox(page);
  await page.waitForURL(/\/w\/[a-z0-9]+$/);
  return new URL(page.url()).pathname.split("/")[2];
}
