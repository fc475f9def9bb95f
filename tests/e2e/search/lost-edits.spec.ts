/**
 * Edits in the builder are never lost to another control, and errors say only what happened:
 * JSON applied to the builder, a view saved from what the builder shows, a refused or
 * rate-limited search.
 */
import { expect, test } from "../fixtures";
import { SANDBOX_URL, sandboxApi, sandboxFaults, workspace } from "../support";
import { firstColumn, pickOperator, runSearch } from "./builder";

interface TicketList {
  tickets: { ticket_id: string }[];
  total_count: number;
}

interface View {
  id: string;
  name: string;
  resource: string;
  query: { root: { children: { field?: string; operator: string; value?: unknown }[] } };
}

/** The statuses of the dashboard's ticket searches since `since` (the tests' own calls, by personal token, left out). */
const searchCalls = async (since: number, personal: string) => {
  const res = await fetch(`${SANDBOX_URL}/sandbox/requests?since=${since}&method=POST&path_prefix=/tickets/search`);
  const { requests } = (await res.json()) as { requests: { status: number; token: string | null }[] };
  return requests.filter((r) => r.token !== personal).map((r) => r.status);
};
const lastSeq = async () =>
  ((await (await fetch(`${SANDBOX_URL}/sandbox/requests`)).json()) as { last_seq: number }).last_seq;

const views = async (page: import("@playwright/test").Page, ws: string) =>
  ((await (await page.request.get(`/api/w/${ws}/views`)).json()) as { views: View[] }).views;

/** Filter 1 (open) turned to "is not", and the live count for it shown: an edit not yet searched. */
async function editWithoutSearching(page: import("@playwright/test").Page) {
  await pickOperator(page, "Filter 1", "is not");
  await expect(page.getByText(/matches \(not searched yet\)/)).toBeVisible();
}

test.afterEach(async () => {
  await fetch(`${SANDBOX_URL}/sandbox/faults`, { method: "DELETE" });
});

test("JSON applied after editing replaces the builder's filters and runs nothing", async ({ page }) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}/tickets`);
  await editWithoutSearching(page);
  const before = page.url();

  await page.getByRole("button", { name: "JSON" }).click();
  const dialog = page.getByRole("dialog", { name: "Search as JSON" });
  const box = dialog.getByRole("textbox", { name: "Query JSON" });
  // A person in a hurry presses Enter in the text: a new line, nothing applied, nothing run.
  await box.fill("{");
  await box.press("Enter");
  await expect(box).toHaveValue("{\n");
  await expect(dialog).toBeVisible();
  expect(page.url()).toBe(before);

  // Invalid JSON: the reason beside the text, the dialog and the builder's edit untouched.
  await box.fill('{"field": "open", ');
  await dialog.getByRole("button", { name: "Apply to builder" }).click();
  const problem = dialog.getByRole("alert");
  await expect(problem).toContainText("That is not valid JSON");
  await expect(box).toHaveAccessibleDescription(/That is not valid JSON/);
  await expect(box).toHaveAttribute("aria-invalid", "true");
  expect(page.url()).toBe(before);

  // A query the builder cannot take: the validation reason, same place.
  await box.fill(JSON.stringify({ field: "created_at", operator: ">", value: "foobar" }));
  await dialog.getByRole("button", { name: "Apply to builder" }).click();
  await expect(dialog.getByRole("alert")).toContainText(/date/i);
  await expect(box).toHaveAccessibleDescription(/date/i);
  expect(page.url()).toBe(before);

  const query = {
    operator: "AND",
    value: [
      { field: "state", operator: "=", value: "waiting_on_customer" },
      { field: "open", operator: "=", value: true },
    ],
  };
  await box.fill(JSON.stringify(query, null, 2));
  await dialog.getByRole("button", { name: "Apply to builder" }).click();
  await expect(dialog).toBeHidden();
  // The builder holds the import (two filters), and no search ran.
  await expect(page.getByRole("combobox", { name: "Filter 2 operator" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "Filter 1 operator" })).toContainText("is");
  expect(page.url()).toBe(before);

  await runSearch(page);
  const truth = await sandboxApi<TicketList>(us, "POST", "/tickets/search", { query, pagination: { per_page: 20 } });
  await expect(page.getByRole("heading", { name: `${truth.total_count} tickets` })).toBeVisible();
  await expect.poll(() => firstColumn(page)).toEqual(truth.tickets.map((t) => `#${t.ticket_id}`));
});

test("Save view saves what the builder shows, says it differs from the last search, then runs it", async ({ page }) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}/tickets`);
  await expect(page.getByRole("table", { name: /Matching/ })).toBeVisible();
  await editWithoutSearching(page);

  await page.getByRole("button", { name: "Save view" }).click();
  const dialog = page.getByRole("dialog", { name: "Save this view" });
  await expect(dialog).toContainText("differs from the last search run");
  await dialog.getByRole("textbox", { name: "Name" }).fill("Closed tickets, saved unsearched");
  await dialog.getByRole("button", { name: "Save view" }).click();
  await expect(dialog).toBeHidden();

  const saved = (await views(page, us.id_code)).filter((v) => v.name === "Closed tickets, saved unsearched");
  expect(saved).toHaveLength(1);
  expect(saved[0].resource).toBe("tickets");
  expect(saved[0].query.root.children).toEqual([expect.objectContaining({ field: "open", operator: "!=" })]);

  // Saved, then run: the address names the view, and the rows are Intercom's for it.
  await expect(page).toHaveURL(new RegExp(`view=${saved[0].id}`));
  await expect(page).not.toHaveURL(/[?&]q=/);
  const truth = await sandboxApi<TicketList>(us, "POST", "/tickets/search", {
    query: { field: "open", operator: "!=", value: true },
    pagination: { per_page: 20 },
  });
  await expect(page.getByRole("heading", { name: `${truth.total_count} tickets` })).toBeVisible();
  await expect.poll(() => firstColumn(page)).toEqual(truth.tickets.map((t) => `#${t.ticket_id}`));

  // With nothing edited since, the dialog has no such note.
  await page.getByRole("button", { name: "Save view" }).click();
  await expect(
    page.getByRole("dialog", { name: "Save this view" }).getByRole("textbox", { name: "Name" }),
  ).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Save this view" })).not.toContainText("differs");
  await page.keyboard.press("Escape");

  await page.request.delete(`/api/w/${us.id_code}/views/${saved[0].id}`, {
    headers: { Origin: new URL(page.url()).origin },
  });
});

test("a refused search shows only the refusal, and Retry runs it again", async ({ page }) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}/tickets`);
  await editWithoutSearching(page);
  await sandboxFaults({ fail_next: [{ method: "POST", path: "/tickets/search", status: 400 }] });
  await runSearch(page);

  const refusal = page.getByRole("alert").filter({ hasText: "Intercom refused this search:" });
  await expect(refusal).toBeVisible();
  await expect(page.getByText(/\d+ match(es)?\b/)).toHaveCount(0);
  await expect(page.getByText("Nothing matches this search")).toHaveCount(0);
  await expect(page.getByRole("table", { name: /Matching/ })).toHaveCount(0);

  await refusal.getByRole("button", { name: "Retry" }).click();
  const truth = await sandboxApi<TicketList>(us, "POST", "/tickets/search", {
    query: { field: "open", operator: "!=", value: true },
    pagination: { per_page: 20 },
  });
  await expect(page.getByRole("heading", { name: `${truth.total_count} tickets` })).toBeVisible();
  await expect(refusal).toHaveCount(0);
  await expect.poll(() => firstColumn(page)).toEqual(truth.tickets.map((t) => `#${t.ticket_id}`));
});

test("a rate-limited search says when it retries, and retries by itself", async ({ page }) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}/tickets`);
  await editWithoutSearching(page);
  const since = await lastSeq();
  await sandboxFaults({ fail_next: [{ method: "POST", path: "/tickets/search", status: 429 }] });
  await runSearch(page);

  await expect(page.getByText(/Retrying in \d+ s/)).toBeVisible();
  const truth = await sandboxApi<TicketList>(us, "POST", "/tickets/search", {
    query: { field: "open", operator: "!=", value: true },
    pagination: { per_page: 20 },
  });
  await expect(page.getByRole("heading", { name: `${truth.total_count} tickets` })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/Retrying in/)).toHaveCount(0);
  await expect.poll(() => firstColumn(page)).toEqual(truth.tickets.map((t) => `#${t.ticket_id}`));
  // Intercom saw the refused call and one retry, no more.
  expect(await searchCalls(since, us.access_token)).toEqual([429, 200]);
});
