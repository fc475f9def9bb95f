import { expect, test } from "../fixtures";
import { approveOnSandbox, SANDBOX_URL, sandboxApi, workspace } from "../support";

interface TicketList {
  tickets: { id: string }[];
}

test.describe.configure({ mode: "serial" });

test("connect a second workspace under the same verified email, and switch between them", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const eu = await workspace("Fjord Analytics");
  await page.goto(`/w/${us.id_code}`);
  await page.getByRole("button", { name: /Workspace: Northwind Support/ }).click();
  await page.getByRole("menuitem", { name: "Connect another workspace" }).click();
  await expect(page.getByRole("heading", { name: "Connect another workspace" })).toBeVisible();
  await page.getByRole("button", { name: "Connect Fjord Analytics" }).click();
  await approveOnSandbox(page);
  await expect(page).toHaveURL(new RegExp(`/w/${eu.id_code}$`));
  await expect(page.getByRole("button", { name: /Workspace: Fjord Analytics/ })).toContainText("EU");

  await page.getByRole("button", { name: /Workspace: Fjord Analytics/ }).click();
  await page.getByRole("menuitemradio", { name: /Northwind Support/ }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${us.id_code}$`));
  await expect(page.getByRole("button", { name: /Workspace: Northwind Support/ })).toBeVisible();
});

test("workspace A's pages and routes never show workspace B's data", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const eu = await workspace("Fjord Analytics");
  const euSegments = await sandboxApi<{ segments: { name: string; count: number }[] }>(
    eu,
    "GET",
    "/segments?include_count=true",
  );
  const usSegments = await sandboxApi<{ segments: { name: string; count: number }[] }>(
    us,
    "GET",
    "/segments?include_count=true",
  );

  await page.goto(`/w/${us.id_code}`);
  await expect(page.getByRole("heading", { name: "Segments" })).toBeVisible();
  // The EU workspace's own segment is nowhere on the US overview.
  const euOnly = euSegments.segments.find((s) => !usSegments.segments.some((u) => u.name === s.name))!;
  await expect(page.getByRole("link", { name: euOnly.name })).toHaveCount(0);

  // An EU ticket id asked for through the US workspace is unknown there.
  const euTicket = (
    await sandboxApi<TicketList>(eu, "POST", "/tickets/search", {
      query: { field: "open", operator: "=", value: true },
      pagination: { per_page: 1 },
    })
  ).tickets[0];
  const crossed = await page.request.get(`/api/w/${us.id_code}/tickets/${euTicket.id}`);
  expect(crossed.status()).toBe(404);
  const own = await page.request.get(`/api/w/${eu.id_code}/tickets/${euTicket.id}`);
  expect(own.status()).toBe(200);
  expect((await own.json()).id).toBe(euTicket.id);
});

interface LoggedCall {
  method: string;
  path: string;
  status: number;
  token: string | null;
}

/** The sandbox's log of API calls after a mark, over HTTP. */
async function callsSince(mark: number): Promise<LoggedCall[]> {
  return ((await (await fetch(`${SANDBOX_URL}/sandbox/requests?since=${mark}`)).json()) as { requests: LoggedCall[] })
    .requests;
}
async function lastSeq(): Promise<number> {
  return ((await (await fetch(`${SANDBOX_URL}/sandbox/requests`)).json()) as { last_seq: number }).last_seq;
}

test("a revoked token marks the connection, is not sent again until the lead reconnects, and then everything works", async ({
  page,
}) => {
  const eu = await workspace("Fjord Analytics");
  const [ticket] = (
    await sandboxApi<TicketList>(eu, "POST", "/tickets/search", {
      query: { field: "open", operator: "=", value: true },
      pagination: { per_page: 1 },
    })
  ).tickets;
  await fetch(`${SANDBOX_URL}/sandbox/revoke`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ id_code: eu.id_code }),
  });
  const dead = new Set(
    (
      (await (await fetch(`${SANDBOX_URL}/sandbox/tokens`)).json()) as {
        token: string;
        id_code: string;
        revoked: boolean;
      }[]
    )
      .filter((t) => t.id_code === eu.id_code && t.revoked)
      .map((t) => t.token),
  );
  expect(dead.size).toBeGreaterThan(0);
  const withDeadToken = (calls: LoggedCall[]) => calls.filter((c) => c.token !== null && dead.has(c.token));

  const mark = await lastSeq();
  await page.goto(`/w/${eu.id_code}`);
  const reconnect = page.getByRole("link", { name: "Reconnect Fjord Analytics" });
  await expect(reconnect).toBeVisible();
  await expect(page.getByText(/could not be loaded/)).toBeVisible();
  // No retry storm: only the calls the first page had already sent together (the overview's
  // nine counts at once, and the catalogue's reads if not cached) meet the revoked token;
  // the first refusal marks the connection, and nothing asks again.
  expect(withDeadToken(await callsSince(mark)).length).toBeLessThanOrEqual(16);

  // From now on not one call carries the dead token: pages and routes show the prompt instead.
  const marked = await lastSeq();
  await page.goto(`/w/${eu.id_code}`);
  await expect(page.getByText(/could not be loaded/)).toBeVisible();
  await expect(reconnect).toBeVisible();
  await page.goto(`/w/${eu.id_code}/tickets`);
  await expect(page.getByText(/could not be loaded/).first()).toBeVisible();
  await expect(reconnect).toBeVisible();
  const ticketPage = await page.goto(`/w/${eu.id_code}/tickets/${ticket.id}`);
  expect(ticketPage?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Reconnect to see this page" })).toBeVisible();
  await expect(reconnect).toBeVisible();
  const refused = await page.request.get(`/api/w/${eu.id_code}/tickets/${ticket.id}`);
  expect(refused.status()).toBe(401);
  expect((await refused.json()).error.code).toBe("reconnect_required");
  await page.waitForLoadState("networkidle");
  expect(withDeadToken(await callsSince(marked))).toEqual([]);

  await reconnect.click();
  await page.getByRole("button", { name: "Reconnect Fjord Analytics" }).click();
  await approveOnSandbox(page);
  await expect(page).toHaveURL(new RegExp(`/w/${eu.id_code}$`));
  await expect(page.getByRole("link", { name: "Reconnect Fjord Analytics" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Open tickets by state" })).toBeVisible();
  await page.goto(`/w/${eu.id_code}/tickets/${ticket.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Reconnect to see this page" })).toHaveCount(0);
  expect((await page.request.get(`/api/w/${eu.id_code}/tickets/${ticket.id}`)).status()).toBe(200);
});

test("a lead disconnects a workspace, and its pages are gone", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const eu = await workspace("Fjord Analytics");
  await page.goto(`/w/${eu.id_code}`);
  await page.getByRole("button", { name: /Workspace: Fjord Analytics/ }).click();
  await page.getByRole("menuitem", { name: "Disconnect Fjord Analytics" }).click();
  const dialog = page.getByRole("dialog", { name: "Disconnect Fjord Analytics?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Disconnect" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${us.id_code}$`));
  await page.getByRole("button", { name: /Workspace: Northwind Support/ }).click();
  await expect(page.getByRole("menuitemradio")).toHaveCount(1);
  await page.keyboard.press("Escape");
  const gone = await page.goto(`/w/${eu.id_code}`);
  expect(gone?.status()).toBe(404);
  expect((await page.request.get(`/api/w/${eu.id_code}/overview`)).status()).toBe(404);
});
