/**
 * OAuth that checks its state: a callback signs a browser in only when it ends the flow that
 * browser itself started, and sign-in works before the page's scripts have loaded.
 */
import type { Browser, Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { approveOnSandbox, workspace } from "../support";

test.use({ storageState: { cookies: [], origins: [] } });

/**
 * Approves on the sandbox's consent page as a person would, but keeps the callback URL (with
 * its code) instead of following it.
 */
async function approveAndKeepCallback(page: Page, teammateOf?: string): Promise<string> {
  await expect(page.getByRole("heading", { name: /Authorize/ })).toBeVisible();
  // Someone other than the shared lead: a teammate of that workspace with a verified email.
  if (teammateOf)
    await page
      .getByRole("group", { name: new RegExp(teammateOf) })
      .getByRole("radio", { name: /^(?!Morgan Avery)(?!.*not verified)/ })
      .first()
      .check();
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Authorize access" }) });
  const { action, fields } = await form.evaluate((f: HTMLFormElement) => ({
    action: f.action,
    fields: Object.fromEntries([...new FormData(f).entries()].map(([k, v]) => [k, String(v)])),
  }));
  const res = await page.request.post(action, { form: { ...fields, decision: "approve" }, maxRedirects: 0 });
  expect(res.status()).toBe(302);
  return res.headers()["location"];
}

/** An attacker signs in to their own workspace and keeps the callback URL instead of following it. */
async function attackerCallback(browser: Browser): Promise<{ url: string; finish: () => Promise<Page> }> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in to Fjord Analytics" }).click();
  const url = await approveAndKeepCallback(page, "Fjord Analytics");
  return {
    url,
    // The attacker's own browser can still use the code: proof that nobody traded it in meanwhile.
    finish: async () => {
      await page.goto(url);
      return page;
    },
  };
}

const stateCookie = async (page: Page) =>
  (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.state"));

test("a callback from someone else's flow signs nobody in, and its code is not traded for a token", async ({
  page,
  browser,
}) => {
  const eu = await workspace("Fjord Analytics");
  const attack = await attackerCallback(browser);
  expect(new URL(attack.url).searchParams.get("state")).toBeTruthy();

  // The victim's browser has no flow of its own.
  await page.goto(attack.url);
  await expect(page).toHaveURL(/\/signin\?error=state/);
  await expect(page.getByRole("alert").filter({ hasText: "was not started in this browser" })).toBeVisible();
  expect((await page.request.get(`/api/w/${eu.id_code}/overview`)).status()).toBe(401);
  expect((await page.request.get("/api/sessions")).status()).toBe(401);

  // The victim has a flow of their own in progress: the attacker's callback still does nothing.
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in to Northwind Support" }).click();
  await expect(page.getByRole("heading", { name: /Authorize/ })).toBeVisible();
  expect(await stateCookie(page)).toBeDefined();
  await page.goto(attack.url);
  await expect(page).toHaveURL(/\/signin\?error=state/);
  expect((await page.request.get("/api/sessions")).status()).toBe(401);
  expect(await stateCookie(page)).toBeUndefined();

  // The code was never presented: the attacker's own browser can still complete its sign-in.
  const own = await attack.finish();
  await expect(own).toHaveURL(new RegExp(`/w/${eu.id_code}$`));
  await own.context().close();
});

test("a callback with the right code but a forged state is refused", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in to Northwind Support" }).click();
  const callback = await approveAndKeepCallback(page);
  const forged = new URL(callback);
  forged.searchParams.set("state", "forged-state-value");
  await page.goto(forged.toString());
  await expect(page).toHaveURL(/\/signin\?error=state/);
  expect((await page.request.get("/api/sessions")).status()).toBe(401);
  // Replaying the real callback afterwards fails too: the flow is over.
  await page.goto(callback);
  await expect(page).toHaveURL(/\/signin\?error=/);
  expect((await page.request.get("/api/sessions")).status()).toBe(401);
});

test("cancelling on Intercom's page leaves no state cookie behind", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in to Fjord Analytics" }).click();
  await expect(page.getByRole("heading", { name: /Authorize/ })).toBeVisible();
  expect(await stateCookie(page)).toBeDefined();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/signin\?.*error=/);
  expect(await stateCookie(page)).toBeUndefined();
});

test("signing in works when the click comes before the page's scripts have loaded", async ({ page }) => {
  const us = await workspace("Northwind Support");
  let release!: () => void;
  const loaded = new Promise<void>((r) => (release = r));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await loaded;
    await route.continue();
  });
  await page.goto("/signin", { waitUntil: "commit" });
  await page.getByRole("button", { name: `Sign in to ${us.name}` }).click();
  // The plain form posted: the consent page is there although no script has run yet.
  await expect(page.getByRole("heading", { name: /Authorize/ })).toBeVisible();
  release();
  await approveOnSandbox(page);
  await expect(page).toHaveURL(new RegExp(`/w/${us.id_code}$`));
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
});

test("a sign-in started from a page lands back on that page", async ({ page }) => {
  const us = await workspace("Northwind Support");
  // Another origin is never a landing place.
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("https://evil.example/")}`);
  const form = page.locator("form", { has: page.getByRole("button", { name: `Sign in to ${us.name}` }) });
  await expect(form.locator('input[name="callbackUrl"]')).toHaveValue("/");

  await page.goto(`/signin?callbackUrl=${encodeURIComponent(`/w/${us.id_code}/tickets?size=50`)}`);
  await page.getByRole("button", { name: `Sign in to ${us.name}` }).click();
  await approveOnSandbox(page);
  await expect(page).toHaveURL(new RegExp(`/w/${us.id_code}/tickets\\?size=50$`));
});
