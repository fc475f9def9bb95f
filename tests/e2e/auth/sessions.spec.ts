/**
 * Sessions that really end: sign-out and "End session" end them on the server, so a copied
 * cookie stops working at once, and a lead whose session ended mid-edit signs in again and
 * finds the page and what they had typed as they left them.
 */
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { sandboxApi, signInTo, workspace } from "../support";

test.use({ storageState: { cookies: [], origins: [] } });

async function freshLead(
  browser: Browser,
  name = "Northwind Support",
): Promise<{ context: BrowserContext; page: Page; ws: string }> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const ws = await signInTo(page, name);
  return { context, page, ws };
}

/** Another teammate of Fjord Analytics, with an email of their own: a different lead of this dashboard. */
async function otherTeammate(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; ws: string; email: string }> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in to Fjord Analytics" }).click();
  const radio = page
    .getByRole("group", { name: /Fjord Analytics/ })
    .getByRole("radio", { name: /^(?!Morgan Avery)(?!.*not verified)/ })
    .first();
  const label = (await radio.getAttribute("id"))!;
  const email = (await page.locator(`label[for="${label}"]`).textContent())!.match(/<([^>]+)>/)![1];
  await radio.check();
  await page.getByRole("button", { name: "Authorize access" }).click();
  await page.waitForURL(/\/w\/[a-z0-9]+$/);
  return { context, page, ws: new URL(page.url()).pathname.split("/")[2], email };
}

const sessionCookies = async (context: BrowserContext) =>
  (await context.cookies()).filter((c) => c.name.includes("next-auth.session-token"));

test("a session cookie copied before sign-out no longer works after it", async ({ page, browser }) => {
  const us = await workspace("Northwind Support");
  await signInTo(page, us.name);
  const copied = await sessionCookies(page.context());
  expect(copied).toHaveLength(1);

  await page.getByRole("button", { name: /Signed in as/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);

  // Someone who kept the cookie replays it in another browser.
  const replay = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await replay.addCookies(copied);
  for (const path of [
    `/api/w/${us.id_code}/overview`,
    `/api/w/${us.id_code}/catalog`,
    `/api/w/${us.id_code}/views`,
    "/api/sessions",
  ]) {
    const res = await replay.request.get(path);
    expect(res.status(), path).toBe(401);
    expect((await res.json()).error.code).toBe("unauthenticated");
  }
  const replayPage = await replay.newPage();
  for (const path of [`/w/${us.id_code}`, `/w/${us.id_code}/tickets`, `/w/${us.id_code}/sessions`, "/"]) {
    await replayPage.goto(path);
    await expect(replayPage, path).toHaveURL(/\/signin/);
  }
  await replay.close();
});

test("a lead sees their sessions and ends another one, which stops working at once", async ({ browser }) => {
  const a = await freshLead(browser);
  const b = await freshLead(browser);
  await expect((await b.context.request.get(`/api/w/${b.ws}/overview`)).status()).toBe(200);

  await a.page.getByRole("button", { name: /Signed in as/ }).click();
  await a.page.getByRole("menuitem", { name: "Active sessions" }).click();
  await expect(a.page.getByRole("heading", { name: "Active sessions" })).toBeVisible();
  const list = a.page.getByRole("list", { name: "Sessions" });
  // This test's two browsers are among the lead's sessions; the first is marked as this one.
  await expect(list.getByRole("listitem", { name: /this browser/ })).toHaveCount(1);
  const before = await list.getByRole("listitem").count();
  expect(before).toBeGreaterThanOrEqual(2);

  // b is the most recently active of the others: it just loaded the overview.
  const { sessions } = (await (await a.context.request.get("/api/sessions")).json()) as {
    sessions: { handle: string; current: boolean }[];
  };
  const mine = sessions.find((s) => s.current)!;
  const bSessions = (await (await b.context.request.get("/api/sessions")).json()) as {
    sessions: { handle: string; current: boolean }[];
  };
  const bHandle = bSessions.sessions.find((s) => s.current)!.handle;
  expect(bHandle).not.toBe(mine.handle);
  // The page lists the sessions in the same order as the API (most recently active first).
  await a.page.reload();

  const ending = a.page.waitForResponse(
    (r) => r.url().endsWith(`/api/sessions/${bHandle}`) && r.request().method() === "DELETE",
  );
  await list
    .getByRole("listitem")
    .nth(sessions.findIndex((s) => s.handle === bHandle))
    .getByRole("button", { name: /^End session/ })
    .click();
  expect((await ending).status()).toBe(200);
  await expect(list.getByRole("listitem")).toHaveCount(before - 1);

  expect((await b.context.request.get(`/api/w/${b.ws}/overview`)).status()).toBe(401);
  await b.page.goto(`/w/${b.ws}/tickets`);
  await expect(b.page).toHaveURL(/\/signin/);
  // a is untouched.
  expect((await a.context.request.get(`/api/w/${a.ws}/overview`)).status()).toBe(200);

  for (const x of [a, b]) await x.context.close();
});

test("ending all other sessions leaves only this one, and never touches another lead's", async ({ browser }) => {
  const morgan = await freshLead(browser);
  const first = await otherTeammate(browser);
  const second = await otherTeammate(browser);
  await first.page.goto(`/w/${first.ws}/sessions`);
  const list = first.page.getByRole("list", { name: "Sessions" });
  // Both browsers of this teammate are listed (and any other of theirs still live).
  await expect(list.getByRole("listitem").first()).toBeVisible();
  const count = await list.getByRole("listitem").count();
  expect(count).toBeGreaterThanOrEqual(2);
  await first.page.getByRole("button", { name: `End all other sessions (${count - 1})` }).click();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  expect((await second.context.request.get(`/api/w/${second.ws}/overview`)).status()).toBe(401);
  expect((await first.context.request.get(`/api/w/${first.ws}/overview`)).status()).toBe(200);
  expect((await morgan.context.request.get(`/api/w/${morgan.ws}/overview`)).status()).toBe(200);
  // The workspace's audit log says who ended what.
  const audit = await first.context.request.get(`/api/w/${first.ws}/audit?action=auth.session_ended`);
  const { entries } = (await audit.json()) as { entries: { summary: string; actorEmail: string }[] };
  expect(entries[0]).toMatchObject({
    summary: `Ended ${count - 1} other session${count === 2 ? "" : "s"}`,
    actorEmail: first.email,
  });
  for (const x of [morgan, first, second]) await x.context.close();
});

test("another lead's session cannot be ended", async ({ browser }) => {
  const northwind = await freshLead(browser);
  const handles = (await (await northwind.context.request.get("/api/sessions")).json()) as {
    sessions: { handle: string }[];
  };
  const other = await otherTeammate(browser);
  const origin = new URL(other.page.url()).origin;
  for (const { handle } of handles.sessions) {
    const res = await other.context.request.delete(`/api/sessions/${handle}`, { headers: { origin } });
    expect(res.status()).toBe(404);
  }
  expect((await northwind.context.request.get(`/api/w/${northwind.ws}/overview`)).status()).toBe(200);
  for (const x of [northwind, other]) await x.context.close();
});

test("when the session ends mid-edit, signing in again lands on the same page with the reply and the search edits kept", async ({
  browser,
}) => {
  const us = await workspace("Northwind Support");
  const lead = await freshLead(browser);
  const admin = await freshLead(browser);
  const { conversations } = await sandboxApi<{ conversations: { id: string }[] }>(us, "POST", "/conversations/search", {
    query: { field: "state", operator: "=", value: "open" },
    pagination: { per_page: 1 },
  });
  const conversationPath = `/w/${lead.ws}/conversations/${conversations[0].id}`;

  // The lead starts a search edit on Tickets and a reply in another tab of the same browser.
  const tickets = lead.page;
  await tickets.goto(`/w/${lead.ws}/tickets`);
  const builder = tickets.getByRole("region", { name: "Search builder" });
  await builder.getByRole("button", { name: "Add filter", exact: true }).click();
  await expect(builder.getByRole("button", { name: "Undo changes" })).toBeVisible();
  const filterCount = (await builder.getByText(/^\d+ filters?$/).textContent())!;
  const reply = await lead.context.newPage();
  await reply.goto(conversationPath);
  const box = reply.getByRole("region", { name: "Reply or note" });
  await box.getByRole("textbox").fill("Thanks for waiting, I am on it.");

  // Meanwhile the session ends (here: ended from another browser, as an idle timeout would).
  const own = (await (await lead.context.request.get("/api/sessions")).json()) as {
    sessions: { handle: string; current: boolean }[];
  };
  const handle = own.sessions.find((s) => s.current)!.handle;
  const origin = new URL(admin.page.url()).origin;
  expect((await admin.context.request.delete(`/api/sessions/${handle}`, { headers: { origin } })).status()).toBe(200);

  // Sending now fails with 401: the lead is sent to sign in, coming back to this conversation.
  await box.getByRole("button", { name: "Send reply" }).click();
  await expect(reply).toHaveURL(/\/signin\?/);
  await expect(reply.getByRole("alert").filter({ hasText: "Your session ended" })).toBeVisible();
  await reply.getByRole("button", { name: `Sign in to ${us.name}` }).click();
  await reply.getByRole("button", { name: "Authorize access" }).click();
  await expect(reply).toHaveURL(new RegExp(`${conversationPath}$`));
  await expect(reply.getByRole("region", { name: "Reply or note" }).getByRole("textbox")).toHaveValue(
    "Thanks for waiting, I am on it.",
  );
  // Nothing was sent while signed out.
  const parts = await sandboxApi<{ conversation_parts: { conversation_parts: { body: string | null }[] } }>(
    us,
    "GET",
    `/conversations/${conversations[0].id}`,
  );
  expect(
    parts.conversation_parts.conversation_parts.some((p) => p.body?.includes("Thanks for waiting, I am on it.")),
  ).toBe(false);

  // The search tab, reloaded, still has the unsearched filter row.
  await tickets.reload();
  await expect(builder.getByRole("button", { name: "Undo changes" })).toBeVisible();
  await expect(builder.getByText(/^\d+ filters?$/)).toHaveText(filterCount);
  for (const x of [lead, admin]) await x.context.close();
});
