/**
 * Sessions that end by themselves: a second dashboard (same build, its own sandbox and data
 * folder) with a 6-second idle timeout and a 20-second lifetime, so both limits can be
 * watched in real time.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import type { Page } from "@playwright/test";
import { E2E } from "../../../playwright.config";
import { expect, test } from "../fixtures";

const PORT = E2E.port + 50;
const SANDBOX_PORT = E2E.sandboxPort + 50;
const BASE = `http://localhost:${PORT}`;
const SANDBOX = `http://127.0.0.1:${SANDBOX_PORT}`;
const DATA_DIR = "tests/.tmp/e2e-expiry-data";
const IDLE_S = 6;
const MAX_AGE_S = 20;

let server: ChildProcess;

test.use({ storageState: { cookies: [], origins: [] } });
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  rmSync(DATA_DIR, { recursive: true, force: true });
  server = spawn("npm", ["start", "--", "-p", String(PORT)], {
    env: {
      ...process.env,
      PUBLIC_URL: BASE,
      SANDBOX: "on",
      SANDBOX_PORT: String(SANDBOX_PORT),
      DATA_DIR,
      AUTH_SECRET: "e2e-expiry-secret-not-for-production",
      SESSION_IDLE_TIMEOUT: `${IDLE_S}s`,
      SESSION_MAX_AGE: `${MAX_AGE_S}s`,
      INTERCOM_CLIENT_ID: "",
      INTERCOM_CLIENT_SECRET: "",
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
    detached: true,
  });
  await expect
    .poll(
      async () => {
        const res = await fetch(`${BASE}/signin`, { redirect: "manual" }).catch(() => null);
        return res !== null && res.status < 500;
      },
      { timeout: 60_000, intervals: [250] },
    )
    .toBe(true);
});

test.afterAll(() => {
  if (server.pid) process.kill(-server.pid, "SIGTERM");
});

async function signIn(page: Page, callback = ""): Promise<string> {
  if (!page.url().includes("/signin"))
    await page.goto(`${BASE}/signin${callback ? `?callbackUrl=${encodeURIComponent(callback)}` : ""}`);
  await page.getByRole("button", { name: "Sign in to Northwind Support" }).click();
  await page.getByRole("button", { name: "Authorize access" }).click();
  await page.waitForURL(
    (url) => url.origin === BASE && !url.pathname.startsWith("/signin") && !url.pathname.startsWith("/api/"),
  );
  return new URL(page.url()).pathname.split("/")[2];
}

async function firstOpenConversation(): Promise<string> {
  const workspaces = (await (await fetch(`${SANDBOX}/sandbox/workspaces`)).json()) as {
    name: string;
    access_token: string;
  }[];
  const us = workspaces.find((w) => w.name === "Northwind Support")!;
  const res = await fetch(`${SANDBOX}/conversations/search`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${us.access_token}`,
      "Content-Type": "application/json",
      Accept: "application/json",
    },
    body: JSON.stringify({ query: { field: "state", operator: "=", value: "open" }, pagination: { per_page: 1 } }),
  });
  return ((await res.json()) as { conversations: { id: string }[] }).conversations[0].id;
}

test("a session left idle ends; signing in again returns to the page with the reply draft", async ({ page }) => {
  const ws = await signIn(page);
  const path = `/w/${ws}/conversations/${await firstOpenConversation()}`;
  await page.goto(BASE + path);
  const box = page.getByRole("region", { name: "Reply or note" });
  await box.getByRole("textbox").fill("Back in a minute with the refund.");

  // The lead steps away for longer than the idle timeout: no request at all meanwhile.
  await page.waitForTimeout((IDLE_S + 1) * 1000);

  await box.getByRole("button", { name: "Send reply" }).click();
  await expect(page).toHaveURL(/\/signin\?/);
  await expect(page.getByRole("alert").filter({ hasText: "Your session ended" })).toBeVisible();
  await signIn(page);
  await expect(page).toHaveURL(BASE + path);
  await expect(page.getByRole("region", { name: "Reply or note" }).getByRole("textbox")).toHaveValue(
    "Back in a minute with the refund.",
  );
});

test("a session ends at its lifetime however active the lead is", async ({ page }) => {
  await signIn(page);
  const started = Date.now();
  // A request every half second keeps it from ever being idle.
  await expect
    .poll(async () => (await page.request.get(`${BASE}/api/sessions`)).status(), {
      timeout: (MAX_AGE_S + 10) * 1000,
      intervals: [500],
    })
    .toBe(401);
  const lived = (Date.now() - started) / 1000;
  expect(lived).toBeGreaterThan(MAX_AGE_S - 5);
  await page.goto(`${BASE}/`);
  await expect(page).toHaveURL(/\/signin/);
});
