/**
 * What a job tells and what lists show after it: an open list follows a job run from another
 * tab without a reload, a finished job's page shows every ticket's final outcome, and a job
 * cancelled mid-way shows its unrun tickets as such and resumes them, each ticket changed once.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { allTickets, SANDBOX_URL, sandboxApi, sandboxFaults, type SandboxWorkspace, workspace } from "../support";

interface Ticket {
  id: string;
  ticket_id: string;
  open: boolean;
}
interface TicketType {
  id: string;
  name: string;
  archived: boolean;
}

const q = (tree: unknown) => "1." + Buffer.from(JSON.stringify(tree)).toString("base64url");

const openOfType = (ws: SandboxWorkspace, type: string) =>
  allTickets<Ticket>(ws, {
    operator: "AND",
    value: [
      { field: "open", operator: "=", value: true },
      { field: "ticket_type_id", operator: "=", value: type },
    ],
  });

/** Ticket types no other bulk test acts on, most open tickets first: each test here takes its own. */
async function ownTypes(ws: SandboxWorkspace): Promise<{ type: TicketType; open: Ticket[] }[]> {
  const types = (await sandboxApi<{ data: TicketType[] }>(ws, "GET", "/ticket_types")).data.filter(
    (t) => !t.archived && t.name !== "Billing question",
  );
  const withOpen = await Promise.all(types.map(async (type) => ({ type, open: await openOfType(ws, type.id) })));
  return withOpen.sort((a, b) => b.open.length - a.open.length);
}

/** The sandbox's log position now, and the ticket writes it applied since a position. */
async function lastSeq(): Promise<number> {
  return ((await (await fetch(`${SANDBOX_URL}/sandbox/requests`)).json()) as { last_seq: number }).last_seq;
}
async function writesSince(ws: SandboxWorkspace, since: number) {
  const res = await fetch(`${SANDBOX_URL}/sandbox/requests?since=${since}&path_prefix=/tickets/&id_code=${ws.id_code}`);
  const { requests } = (await res.json()) as { requests: { method: string; path: string; applied: boolean }[] };
  return requests.filter((r) => r.method !== "GET" && r.applied && !r.path.startsWith("/tickets/search"));
}

const openNow = async (ws: SandboxWorkspace, id: string) =>
  (await sandboxApi<Ticket>(ws, "GET", `/tickets/${id}`)).open;

async function jobItemBadges(page: Page): Promise<string[]> {
  return page
    .getByRole("table", { name: /Tickets of this job/ })
    .locator("tbody tr td:nth-child(2)")
    .allInnerTexts();
}

test("an open ticket list follows a job run from another tab, and the job's page ends with every final outcome", async ({
  page,
  context,
}) => {
  const us = await workspace("Northwind Support");
  const [{ type, open }] = await ownTypes(us);
  expect(open.length).toBeGreaterThan(10);
  const list = `/w/${us.id_code}/tickets?q=${q(["&", ["open", "=", true], ["ticket_type_id", "=", type.id]])}`;
  const heading = (n: number) => page.getByRole("heading", { name: `${n.toLocaleString()} tickets` });

  await page.goto(list);
  await expect(heading(open.length)).toBeVisible();
  const rows = page.getByRole("table", { name: /Matching/ }).locator("tbody tr");

  // Another tab closes three of the listed tickets with a bulk job, slowly.
  const other = await context.newPage();
  await other.goto(list);
  const boxes = other.getByRole("table", { name: /Matching/ }).getByRole("checkbox", { name: /^Select ticket #/ });
  const chosen: string[] = [];
  for (const i of [0, 1, 2]) {
    await boxes.nth(i).click();
    chosen.push(((await boxes.nth(i).getAttribute("aria-label")) ?? "").replace(/^Select ticket #/, ""));
  }
  await other.getByRole("button", { name: "Bulk action…" }).click();
  const dialog = other.getByRole("dialog");
  await dialog.getByLabel("Action").selectOption({ label: "Close" });
  await dialog.getByRole("button", { name: "Preview" }).click();
  const since = await lastSeq();
  await sandboxFaults({ latency_ms: 400 });
  try {
    await dialog.getByRole("button", { name: "Run on 3 tickets" }).click();
    await other.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    await expect(other.getByText("Completed", { exact: true })).toBeVisible({ timeout: 30_000 });
  } finally {
    await sandboxFaults(null);
  }
  // The job's page read its tickets again when it ended: final outcomes, nothing "Running" or "Not run yet".
  await expect.poll(() => jobItemBadges(other)).toEqual(["Succeeded", "Succeeded", "Succeeded"]);

  // The first tab, never reloaded, no longer lists the closed tickets.
  await expect(heading(open.length - 3)).toBeVisible({ timeout: 20_000 });
  for (const number of chosen) await expect(rows.filter({ hasText: new RegExp(`#${number}(?!\\d)`) })).toHaveCount(0);

  // In the sandbox: exactly those three were closed, once each; the rest are as they were.
  const closed = open.filter((t) => chosen.includes(t.ticket_id));
  expect(closed).toHaveLength(3);
  const writes = await writesSince(us, since);
  expect(writes.map((w) => w.path).sort()).toEqual(closed.map((t) => `/tickets/${t.id}`).sort());
  for (const t of closed) expect(await openNow(us, t.id)).toBe(false);
  for (const t of open.filter((t) => !chosen.includes(t.ticket_id)).slice(0, 10))
    expect(await openNow(us, t.id)).toBe(true);
});

test("a job cancelled mid-way shows its unrun tickets as not run, and resuming changes each ticket exactly once", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  const [, { open }] = await ownTypes(us);
  const chosen = open.slice(0, 12);
  expect(chosen).toHaveLength(12);
  const since = await lastSeq();
  // The workspace's catalogue is read while Intercom is quick (the list needs it too)...
  await page.goto(`/w/${us.id_code}/tickets`);
  await expect(page.getByRole("heading", { name: /[\d,]+ tickets?$/ })).toBeVisible();
  // ...then about two tickets a second, so the job is still running when cancelled.
  await sandboxFaults({ latency_ms: 150, rate_limit_per_window: 2, window_seconds: 1 });
  try {
    const created = await page.evaluate(
      async ({ url, ids }) => {
        const res = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ selection: { kind: "ids", ids }, action: { type: "close" } }),
        });
        return { status: res.status, id: ((await res.json()) as { id?: string }).id };
      },
      { url: `/api/w/${us.id_code}/bulk-jobs`, ids: chosen.map((t) => t.id) },
    );
    expect(created.status).toBe(200);
    await page.goto(`/w/${us.id_code}/jobs/${created.id}`);
    const progress = page.getByRole("progressbar", { name: "Job progress" });
    await expect
      .poll(async () => Number(await progress.getAttribute("aria-valuenow")), { timeout: 20_000 })
      .toBeGreaterThan(1);
    await page.getByRole("button", { name: "Cancel job" }).click();
    await expect(page.getByText("Cancelled", { exact: true })).toBeVisible({ timeout: 20_000 });
  } finally {
    await sandboxFaults(null);
  }
  const notRunFilter = page.getByRole("button", { name: /^Not run \(cancelled\) \d+/ });
  await expect(notRunFilter).toBeVisible();
  const notRun = Number((await notRunFilter.innerText()).match(/(\d+)$/)![1]);
  expect(notRun).toBeGreaterThan(0);
  expect(notRun).toBeLessThan(12);
  // Every ticket has its final word: changed, or not run because of the cancel; none "Skipped".
  await expect
    .poll(async () => (await jobItemBadges(page)).sort())
    .toEqual([...Array(12 - notRun).fill("Succeeded"), ...Array(notRun).fill("Not run (cancelled)")].sort());
  const stillOpen = await Promise.all(chosen.map((t) => openNow(us, t.id)));
  expect(stillOpen.filter(Boolean)).toHaveLength(notRun);
  const jobs = page.getByRole("link", { name: "Jobs" }).first();
  await jobs.click();
  await expect(page.getByRole("list", { name: "Outcomes of Close" }).first()).toContainText(`${notRun} not run`);
  await page.goBack();

  await page.getByRole("button", { name: "Resume" }).click();
  await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => jobItemBadges(page)).toEqual(Array(12).fill("Succeeded"));
  for (const t of chosen) expect(await openNow(us, t.id), `#${t.ticket_id}`).toBe(false);
  // One applied write per ticket, across the first run and the resumed one.
  const writes = await writesSince(us, since);
  expect(writes.map((w) => w.path).sort()).toEqual(chosen.map((t) => `/tickets/${t.id}`).sort());
});
