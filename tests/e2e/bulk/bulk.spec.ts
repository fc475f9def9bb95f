import { expect, test } from "../fixtures";
import { pick } from "../records/records";
import { allTickets, SANDBOX_URL, sandboxApi, sandboxFaults, type SandboxWorkspace, workspace } from "../support";

interface Ticket {
  id: string;
  ticket_id: string;
  admin_assignee_id: string | null;
  team_assignee_id: string | null;
  open: boolean;
  ticket_type: { id: string; name: string };
}
interface Admins {
  admins: { id: string; name: string }[];
}

/** The builder's URL form for a search: a versioned compact tree, base64url. */
const q = (tree: unknown) => "1." + Buffer.from(JSON.stringify(tree)).toString("base64url");

const all = (ws: SandboxWorkspace, query: unknown) => allTickets<Ticket>(ws, query);

async function typeId(ws: SandboxWorkspace, name: string): Promise<string> {
  return (await sandboxApi<{ data: { id: string; name: string }[] }>(ws, "GET", "/ticket_types")).data.find(
    (t) => t.name === name,
  )!.id;
}

test("select all matching, preview, run while watching progress, open the job, then undo it", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const type = await typeId(us, "Billing question");
  const query = {
    operator: "AND",
    value: [
      { field: "open", operator: "=", value: true },
      { field: "ticket_type_id", operator: "=", value: type },
    ],
  };
  const before = await all(us, query);
  expect(before.length).toBeGreaterThan(20);
  const admins = (await sandboxApi<Admins>(us, "GET", "/admins")).admins;
  const target = admins[4];
  const already = before.filter((t) => t.admin_assignee_id === target.id).length;

  await page.goto(`/w/${us.id_code}/tickets?q=${q(["&", ["open", "=", true], ["ticket_type_id", "=", type]])}`);
  const table = page.getByRole("table", { name: /Matching/ });
  await expect(table.locator("tbody tr")).toHaveCount(20);
  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  await page.getByRole("button", { name: `Select all ${before.length} matching` }).click();
  const bar = page.getByRole("region", { name: "Selection" });
  await expect(bar).toContainText(`${before.length} tickets selected (all matching)`);

  await bar.getByRole("button", { name: "Bulk action…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Action").selectOption({ label: "Assign to a teammate" });
  await dialog.getByRole("button", { name: "Preview" }).click();
  await expect(dialog.getByText("Choose a teammate")).toBeVisible();
  await pick(page, "Teammate", target.name);
  await dialog.getByRole("button", { name: "Preview" }).click();
  await expect(dialog.getByRole("heading", { name: `Preview: Assign to ${target.name}` })).toBeVisible();
  const willChange = before.length - already;
  if (already > 0)
    await expect(dialog.getByRole("region", { name: "Already done" })).toContainText(
      new RegExp(`${already}\\s*Already assigned to that teammate`),
    );
  // Slow Intercom, so the progress can be watched.
  await sandboxFaults({ latency_ms: 150, rate_limit_per_window: 15, window_seconds: 1 });
  try {
    await dialog.getByRole("button", { name: `Run on ${willChange} tickets` }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    const progress = page.getByRole("progressbar", { name: "Job progress" });
    await expect(progress).toBeVisible();
    await expect(page.getByText("Running").first()).toBeVisible();
    const first = Number(await progress.getAttribute("aria-valuenow"));
    await expect
      .poll(async () => Number(await progress.getAttribute("aria-valuenow")), { timeout: 20_000 })
      .toBeGreaterThan(first);
    // The progress survives a reload: it lives on the server.
    await page.reload();
    await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });
  } finally {
    await sandboxFaults(null);
  }
  await expect(page.getByRole("progressbar", { name: "Job progress" })).toHaveAttribute(
    "aria-valuenow",
    String(before.length),
  );
  for (const t of before)
    expect((await sandboxApi<Ticket>(us, "GET", `/tickets/${t.id}`)).admin_assignee_id).toBe(target.id);
  const jobUrl = page.url();

  // Filter the job's tickets by outcome.
  await page.getByRole("button", { name: new RegExp(`^Succeeded ${willChange}`) }).click();
  await expect(page.getByRole("table", { name: /Tickets of this job, succeeded/ }).locator("tbody tr")).toHaveCount(
    Math.min(willChange, 100),
  );

  // The Jobs page lists it.
  await page.goto(`/w/${us.id_code}/jobs`);
  await expect(page.getByRole("link", { name: `Assign to ${target.name}` }).first()).toBeVisible();
  await page.goto(jobUrl);

  // Undo puts every ticket back.
  await page.getByRole("button", { name: "Undo" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Start the undo" }).click();
  await page.waitForURL((url) => url.toString() !== jobUrl && /\/jobs\/[0-9a-f-]{36}$/.test(url.pathname));
  await expect(page.getByRole("heading", { name: `Undo: Assign to ${target.name}` })).toBeVisible();
  await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });
  for (const t of before) {
    const now = await sandboxApi<Ticket>(us, "GET", `/tickets/${t.id}`);
    expect([now.admin_assignee_id, now.team_assignee_id], `#${t.ticket_id}`).toEqual([
      t.admin_assignee_id,
      t.team_assignee_id,
    ]);
  }
  await page.getByRole("link", { name: "an earlier job" }).click();
  await expect(page.getByRole("link", { name: "a later job" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0);
});

test("shift-click ticks a range, Esc clears; a delete needs the count typed and says it cannot be undone", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  const type = await typeId(us, "Product feedback");
  const tickets = await all(us, {
    operator: "AND",
    value: [
      { field: "open", operator: "=", value: true },
      { field: "ticket_type_id", operator: "=", value: type },
    ],
  });
  await page.goto(`/w/${us.id_code}/tickets?q=${q(["&", ["open", "=", true], ["ticket_type_id", "=", type]])}`);
  const boxes = page.getByRole("table", { name: /Matching/ }).getByRole("checkbox", { name: /^Select ticket #/ });
  await expect(boxes.first()).toBeVisible();
  await boxes.nth(1).click();
  await boxes.nth(4).click({ modifiers: ["Shift"] });
  const bar = page.getByRole("region", { name: "Selection" });
  await expect(bar).toContainText("4 tickets selected");
  await page.keyboard.press("Escape");
  await expect(bar).toHaveCount(0);

  await boxes.nth(0).click();
  await boxes.nth(2).click();
  await bar.getByRole("button", { name: "Bulk action…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Action").selectOption({ label: "Delete" });
  await dialog.getByRole("button", { name: "Preview" }).click();
  await expect(dialog.getByText(/Deleting cannot be undone/)).toBeVisible();
  await dialog.getByLabel("Type 2 to confirm").fill("3");
  await dialog.getByRole("button", { name: "Run on 2 tickets" }).click();
  await expect(dialog.getByText("Type 2 to confirm", { exact: true }).last()).toBeVisible();
  expect(tickets.length).toBeGreaterThan(2);
  await dialog.getByLabel("Type 2 to confirm").fill("2");
  await dialog.getByRole("button", { name: "Run on 2 tickets" }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0);
  const rows = await page
    .getByRole("table", { name: /Tickets of this job/ })
    .locator("tbody tr a")
    .evaluateAll((as) => as.map((a) => a.getAttribute("href")!.split("/").at(-1)!));
  for (const id of rows) await expect(sandboxApi(us, "GET", `/tickets/${id}`)).rejects.toThrow(/404/);
});

test("bulk routes refuse bad input with field errors and check the workspace and the Origin", async ({
  page,
  baseURL,
}) => {
  const us = await workspace("Northwind Support");
  const headers = { Origin: baseURL! };
  const url = `/api/w/${us.id_code}/bulk-jobs`;
  const [t] = await all(us, { field: "open", operator: "=", value: true });
  const unknown = await page.request.post(`${url}/preview`, {
    data: { selection: { kind: "ids", ids: [t.id] }, action: { type: "assign_admin", admin_id: "424242" } },
    headers,
  });
  expect(unknown.status()).toBe(400);
  expect(((await unknown.json()) as { error: { fields: Record<string, string> } }).error.fields.admin_id).toMatch(
    /not in this workspace/,
  );
  // Ids that are not tickets of the workspace are counted apart; every ticket is listed.
  const counted = await page.request.post(`${url}/preview`, {
    data: { selection: { kind: "ids", ids: [t.id, "987654321"] }, action: { type: "close" } },
    headers,
  });
  expect(counted.status()).toBe(200);
  expect(await counted.json()).toMatchObject({
    total: 1,
    notFound: 1,
    willChange: 1,
    change: [{ reason: "Close", count: 1, tickets: [{ id: t.id, number: t.ticket_id }] }],
  });
  const tooMany = await page.request.post(url, {
    data: {
      selection: { kind: "ids", ids: Array.from({ length: 10_001 }, (_, i) => String(i)) },
      action: { type: "close" },
    },
    headers,
  });
  expect(tooMany.status()).toBe(400);
  expect(JSON.stringify(await tooMany.json())).toMatch(/at most 10,000/);
  const badType = await page.request.post(`${url}/preview`, {
    data: { selection: { kind: "ids", ids: [t.id] }, action: { type: "change_type", ticket_type_id: "99999" } },
    headers,
  });
  expect(((await badType.json()) as { error: { fields: Record<string, string> } }).error.fields.ticket_type_id).toBe(
    "That ticket type does not exist",
  );
  const crossSite = await page.request.post(url, {
    data: { selection: { kind: "ids", ids: [t.id] }, action: { type: "close" } },
    headers: { Origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  const missing = await page.request.get(`${url}/00000000-0000-4000-8000-000000000000`);
  expect(missing.status()).toBe(404);
  const other = await page.request.get(`/api/w/zzzzzzzz/bulk-jobs`);
  expect(other.status()).toBe(404);
  // Nothing was changed by any of it.
  expect((await sandboxApi<Ticket>(us, "GET", `/tickets/${t.id}`)).open).toBe(true);
});

interface FullTicket extends Ticket {
  snoozed_until: number | null;
  is_shared: boolean;
  ticket_state: { id: string; internal_label: string };
  ticket_attributes: Record<string, unknown>;
  tags?: { tags: { id: string }[] };
}
const read = (ws: SandboxWorkspace, id: string) => sandboxApi<FullTicket>(ws, "GET", `/tickets/${id}`);
/** Everything about a ticket but its state and open/snoozed values. */
const rest = (t: FullTicket) => ({
  type: t.ticket_type.id,
  admin: t.admin_assignee_id,
  team: t.team_assignee_id,
  shared: t.is_shared,
  attributes: t.ticket_attributes,
  tags: (t.tags?.tags ?? []).map((x) => x.id).toSorted(),
});

/** A ticket type's own state with this label. */
async function stateOf(ws: SandboxWorkspace, type: string, label: string): Promise<string> {
  const types = await sandboxApi<{
    data: { id: string; ticket_states: { data: { id: string; internal_label: string }[] } }[];
  }>(ws, "GET", "/ticket_types");
  return types.data.find((t) => t.id === type)!.ticket_states.data.find((s) => s.internal_label === label)!.id;
}

/** The oldest open tickets of a type, skipping `skip` of them: other specs take the newest. */
async function oldest(
  ws: SandboxWorkspace,
  type: string,
  count: number,
  keep: (t: FullTicket) => boolean = () => true,
) {
  const found = (await all(ws, {
    operator: "AND",
    value: [
      { field: "open", operator: "=", value: true },
      { field: "ticket_type_id", operator: "=", value: await typeId(ws, type) },
    ],
  })) as FullTicket[];
  return found.filter(keep).slice(-count);
}

/** The tickets list showing exactly these tickets, all ticked, and the bulk dialog open. */
async function bulkOn(page: import("@playwright/test").Page, ws: SandboxWorkspace, ids: string[]) {
  await page.goto(`/w/${ws.id_code}/tickets?q=${q(["&", ["id", "IN", ids]])}`);
  await expect(page.getByRole("table", { name: /Matching/ }).locator("tbody tr")).toHaveCount(ids.length);
  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  await page.getByRole("region", { name: "Selection" }).getByRole("button", { name: "Bulk action…" }).click();
  return page.getByRole("dialog");
}

test("set state picks each ticket type's own state; a type without one is skipped unless one is chosen", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  const bugs = await oldest(
    us,
    "Bug report",
    2,
    (t) => t.ticket_state.internal_label !== "Resolved" && !t.snoozed_until,
  );
  const [refund] = await oldest(
    us,
    "Refund approval",
    1,
    (t) => t.ticket_state.internal_label !== "Approved" && !t.snoozed_until,
  );
  const chosen = [...bugs, refund];
  const before = await Promise.all(chosen.map((t) => read(us, t.id)));
  const dialog = await bulkOn(
    page,
    us,
    chosen.map((t) => t.id),
  );
  await dialog.getByLabel("Action").selectOption({ label: "Set state" });
  await dialog.getByLabel("New state").selectOption({ label: "Resolved" });
  await dialog.getByRole("button", { name: "Preview" }).click();

  // One row per type in the selection: Bug report has its own "Resolved"; Refund approval has none.
  const table = dialog.getByRole("table", { name: "State per ticket type" });
  await expect(table.getByRole("row", { name: /Bug report/ })).toContainText("2");
  const refundRow = table.getByRole("row", { name: /Refund approval/ });
  await expect(refundRow).toContainText("Cannot");
  await expect(dialog.getByLabel("State for Bug report tickets")).toHaveValue(
    await stateOf(us, bugs[0].ticket_type.id, "Resolved"),
  );
  await expect(dialog.getByLabel("State for Refund approval tickets")).toHaveValue("");
  await expect(dialog.getByRole("region", { name: "Cannot take this action" })).toContainText(
    /1\s*No state chosen for Refund approval tickets/,
  );
  await expect(dialog.getByRole("button", { name: "Run on 2 tickets" })).toBeVisible();

  // Refund approval's resolved state is "Approved": chosen explicitly.
  await dialog.getByLabel("State for Refund approval tickets").selectOption({ label: "Approved" });
  await expect(
    dialog.getByRole("heading", { name: "Preview: Set state: Bug report → Resolved, Refund approval → Approved" }),
  ).toBeVisible();
  const changes = dialog.getByRole("region", { name: "Will change" });
  await expect(changes).toContainText(/2\s*Bug report → Resolved/);
  await expect(changes).toContainText(/1\s*Refund approval → Approved/);
  await changes.getByText("Refund approval → Approved").click();
  await expect(changes.getByRole("list", { name: "Tickets: Refund approval → Approved" })).toContainText(
    `#${refund.ticket_id}`,
  );
  await dialog.getByRole("button", { name: "Run on 3 tickets" }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 30_000 });
  // Each ticket's line on the job says what it became.
  const items = page.getByRole("table", { name: /Tickets of this job/ });
  for (const t of bugs)
    await expect(items.getByRole("row", { name: new RegExp(`#${t.ticket_id}`) })).toContainText(
      "Bug report → Resolved",
    );
  await expect(items.getByRole("row", { name: new RegExp(`#${refund.ticket_id}`) })).toContainText(
    "Refund approval → Approved",
  );

  // The sandbox agrees with the table, and nothing else changed.
  for (const [i, t] of chosen.entries()) {
    const now = await read(us, t.id);
    expect(now.ticket_state.internal_label, `#${t.ticket_id}`).toBe(t === refund ? "Approved" : "Resolved");
    // The type's own state of that name, not another type's.
    expect(now.ticket_state.id).toBe(await stateOf(us, t.ticket_type.id, now.ticket_state.internal_label));
    expect(rest(now)).toEqual(rest(before[i]));
    expect(now.open).toBe(before[i].open);
  }
});

test("unsnooze reopens the snoozed tickets and leaves the others", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const me = await sandboxApi<{ id: string }>(us, "GET", "/me");
  const chosen = await oldest(us, "Feature request", 3, (t) => !t.snoozed_until);
  const until = Math.floor(Date.now() / 1000) + 86_400;
  for (const t of chosen.slice(0, 2))
    await sandboxApi(us, "PUT", `/tickets/${t.id}`, { admin_id: me.id, snoozed_until: until });
  const before = await Promise.all(chosen.map((t) => read(us, t.id)));
  expect(before.map((t) => t.snoozed_until)).toEqual([until, until, null]);

  const dialog = await bulkOn(
    page,
    us,
    chosen.map((t) => t.id),
  );
  await dialog.getByLabel("Action").selectOption({ label: "Unsnooze" });
  await dialog.getByRole("button", { name: "Preview" }).click();
  await expect(dialog.getByRole("heading", { name: "Preview: Unsnooze" })).toBeVisible();
  await expect(dialog.getByRole("region", { name: "Already done" })).toContainText(/1\s*Not snoozed/);
  await dialog.getByRole("button", { name: "Run on 2 tickets" }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 30_000 });
  for (const [i, t] of chosen.entries()) {
    const now = await read(us, t.id);
    expect([now.open, now.snoozed_until], `#${t.ticket_id}`).toEqual([true, null]);
    expect(now.ticket_state.id).toBe(before[i].ticket_state.id);
    expect(rest(now)).toEqual(rest(before[i]));
  }
});

test("a 503 while starting a job keeps the preview and says why; the job starts once Intercom answers", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  const chosen = await oldest(us, "Account review", 2, (t) => !t.snoozed_until);
  const dialog = await bulkOn(
    page,
    us,
    chosen.map((t) => t.id),
  );
  await dialog.getByLabel("Action").selectOption({ label: "Close" });
  await dialog.getByRole("button", { name: "Preview" }).click();
  await expect(dialog.getByRole("heading", { name: "Preview: Close" })).toBeVisible();

  const search = { method: "POST", path: "/tickets/search", status: 503 };
  // Failing every try: the preview stays, with the reason in words.
  await sandboxFaults({ fail_next: Array.from({ length: 5 }, () => search) });
  try {
    await dialog.getByRole("button", { name: "Run on 2 tickets" }).click();
    await expect(dialog.getByRole("alert")).toContainText(
      "Intercom could not give the selected tickets (it answered 503, 5 tries). Nothing has changed; try again in a moment.",
    );
    await expect(dialog.getByRole("heading", { name: "Preview: Close" })).toBeVisible();
    await expect(dialog.getByText(/Server Error/)).toHaveCount(0);
    for (const t of chosen) expect((await read(us, t.id)).open).toBe(true);

    // One 503, then an answer: tried again, and the job starts.
    const mark = (await (await fetch(`${SANDBOX_URL}/sandbox/requests`)).json()) as { last_seq: number };
    await sandboxFaults({ fail_next: [search] });
    await dialog.getByRole("button", { name: "Run on 2 tickets" }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    const log = (await (
      await fetch(`${SANDBOX_URL}/sandbox/requests?since=${mark.last_seq}&path_prefix=/tickets/search`)
    ).json()) as { requests: { status: number }[] };
    expect(log.requests.map((r) => r.status).slice(0, 2)).toEqual([503, 200]);
  } finally {
    await sandboxFaults(null);
  }
  await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 30_000 });
  for (const t of chosen) expect((await read(us, t.id)).open).toBe(false);
});
