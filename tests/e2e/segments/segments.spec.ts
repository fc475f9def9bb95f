import { readFile } from "node:fs/promises";
import { parseCsv } from "@/lib/csv";
import { expect, test } from "../fixtures";
import { pickField, pickValues, runSearch } from "../search/builder";
import { SANDBOX_URL, sandboxApi, sandboxFaults, type SandboxWorkspace, workspace } from "../support";

interface Segment {
  id: string;
  name: string;
  count: number;
}

const numbers = new Intl.NumberFormat("en");

async function segments(ws: SandboxWorkspace): Promise<Segment[]> {
  return (await sandboxApi<{ segments: Segment[] }>(ws, "GET", "/segments?include_count=true")).segments;
}

/** Every member's id, paging the sandbox's contact search as Intercom would be paged. */
async function members(ws: SandboxWorkspace, query: unknown): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await sandboxApi<{ data: { id: string }[]; pages?: { next?: { starting_after?: string } } }>(
      ws,
      "POST",
      "/contacts/search",
      {
        query,
        pagination: { per_page: 150, ...(cursor ? { starting_after: cursor } : {}) },
      },
    );
    ids.push(...page.data.map((c) => c.id));
    cursor = page.pages?.next?.starting_after;
  } while (cursor);
  return ids;
}

test("the segments page shows every segment with Intercom's count; search, sort, and a bar opens its segment", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  const truth = await segments(us);
  await page.goto(`/w/${us.id_code}/segments`);
  const table = page.getByRole("table");
  await expect(table.locator("tbody tr")).toHaveCount(truth.length);
  for (const s of truth) {
    await expect(
      table.getByRole("row", { name: new RegExp(`^${s.name.replace(/[()]/g, "\\$&")} ${numbers.format(s.count)} `) }),
    ).toBeVisible();
  }

  await page.getByRole("searchbox", { name: "Search segments by name" }).fill("vip");
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table.getByRole("link", { name: "VIP customers" })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search segments by name" }).fill("");

  // Sorted by members, largest first; one click turns it around.
  const firstName = () => table.locator("tbody tr td:first-child").first().innerText();
  const sorted = truth.toSorted((a, b) => b.count - a.count);
  expect(await firstName()).toBe(sorted[0].name);
  await page.getByRole("button", { name: "Members" }).click();
  await expect(page.getByRole("columnheader", { name: "Members" })).toHaveAttribute("aria-sort", "ascending");
  expect(await firstName()).toBe(sorted.at(-1)!.name);

  const vip = truth.find((s) => s.name === "VIP customers")!;
  await page
    .getByRole("list", { name: "Segment sizes" })
    .getByRole("link", { name: `VIP customers: ${numbers.format(vip.count)} members` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/segments/${vip.id}`));
  await expect(page.getByRole("heading", { level: 1, name: "VIP customers" })).toBeVisible();
});

test("a segment's members, paged through, are exactly its count; refining keeps the segment pinned", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  const trial = (await segments(us)).find((s) => s.name === "Trial users")!;
  const truth = await members(us, { field: "segment_id", operator: "=", value: trial.id });
  expect(truth.length).toBe(trial.count);

  await page.goto(`/w/${us.id_code}/segments/${trial.id}?size=20`);
  await expect(page.getByText(`${numbers.format(trial.count)} members`)).toBeVisible();
  await expect(page.getByRole("heading", { name: `${numbers.format(trial.count)} contacts` })).toBeVisible();
  await expect(page.getByRole("group", { name: "Pinned filter" })).toHaveText(/Segment is Trial users/);

  const seen: string[] = [];
  const table = page.getByRole("table", { name: /Matching/ });
  for (let p = 0; p < Math.ceil(trial.count / 20); p++) {
    const ids = () =>
      table
        .locator("tbody tr td:first-child a")
        .evaluateAll((as) => as.map((a) => a.getAttribute("href")!.split("/").at(-1)!));
    await expect.poll(ids).toEqual(truth.slice(p * 20, p * 20 + 20));
    seen.push(...(await ids()));
    if (seen.length < trial.count) await page.getByRole("button", { name: "Next" }).click();
  }
  expect(seen).toEqual(truth);

  // Refine by a tag: the segment stays applied.
  const tags = (await sandboxApi<{ data: { id: string; name: string }[] }>(us, "GET", "/tags")).data;
  const tag = tags[0];
  await page.goto(`/w/${us.id_code}/segments/${trial.id}`);
  await page.getByRole("button", { name: "Add filter", exact: true }).click();
  await pickField(page, "Filter 1", "Tag");
  await pickValues(page, "Filter 1", tag.name);
  await runSearch(page);
  const refined = await members(us, {
    operator: "AND",
    value: [
      { field: "segment_id", operator: "=", value: trial.id },
      { field: "tag_id", operator: "=", value: tag.id },
    ],
  });
  await expect(
    page.getByRole("heading", {
      name: `${numbers.format(refined.length)} ${refined.length === 1 ? "contact" : "contacts"}`,
    }),
  ).toBeVisible();
  await expect(page.getByRole("group", { name: "Pinned filter" })).toBeVisible();
});

test("the CSV export holds exactly the segment's members", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const churn = (await segments(us)).find((s) => s.name === "Churn risk")!;
  const truth = await members(us, { field: "segment_id", operator: "=", value: churn.id });
  await page.goto(`/w/${us.id_code}/segments/${churn.id}`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^churn-risk-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv(await readFile((await download.path())!, "utf8"));
  expect(rows[0].slice(0, 5)).toEqual(["id", "external_id", "role", "name", "email"]);
  expect(rows.slice(1).map((r) => r[0])).toEqual(truth);
  const sample = await sandboxApi<{ email: string | null; name: string | null }>(us, "GET", `/contacts/${truth[0]}`);
  expect(rows[1].slice(3, 5)).toEqual([sample.name ?? "", sample.email ?? ""]);
  await expect(page.getByText(`Exported ${numbers.format(truth.length)} members`)).toBeVisible();
});

test("cancelling an export stops its paging, and nothing is downloaded", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const active = (await segments(us)).find((s) => s.name === "Active users (30 days)")!;
  // Small pages with a slow Intercom, so the export is still running when cancelled.
  await page.route(/\/segments\/[^/]+\/export/, (route) =>
    route.request().method() === "GET"
      ? route.continue({ url: `${route.request().url()}&per_page=10` })
      : route.continue(),
  );
  await sandboxFaults({ latency_ms: 250 });
  try {
    await fetch(`${SANDBOX_URL}/sandbox/requests`, { method: "DELETE" });
    let downloads = 0;
    page.on("download", () => downloads++);
    await page.goto(`/w/${us.id_code}/segments/${active.id}`);
    await page.getByRole("button", { name: "Export CSV" }).click();
    const bar = page.getByRole("progressbar", { name: "Export progress" });
    await expect(bar).toBeVisible();
    await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow"))).toBeGreaterThanOrEqual(20);
    await page.getByRole("button", { name: "Cancel export" }).click();
    await expect(page.getByRole("status").filter({ hasText: /Export cancelled after \d+ of/ })).toBeVisible();

    const searches = async () =>
      (
        (await (
          await fetch(`${SANDBOX_URL}/sandbox/requests?method=POST&path_prefix=/contacts/search&id_code=${us.id_code}`)
        ).json()) as {
          requests: unknown[];
        }
      ).requests.length;
    // The page in flight when cancelled still completes at Intercom; nothing after it is asked for.
    await page.waitForTimeout(400);
    const afterCancel = await searches();
    await page.waitForTimeout(1500);
    expect(await searches()).toBe(afterCancel);
    // The members page itself searched once or twice; the export far fewer than its pages.
    expect(afterCancel).toBeLessThan(Math.ceil(active.count / 10));
    expect(downloads).toBe(0);
  } finally {
    await sandboxFaults(null);
  }
});

test("an export stopped elsewhere before its last member shows an error, and nothing is downloaded", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  const active = (await segments(us)).find((s) => s.name === "Active users (30 days)")!;
  let exportId = "";
  await page.route(/\/segments\/[^/]+\/export/, (route) => {
    if (route.request().method() !== "GET") return route.continue();
    exportId = new URL(route.request().url()).searchParams.get("export_id") ?? "";
    return route.continue({ url: `${route.request().url()}&per_page=10` });
  });
  await sandboxFaults({ latency_ms: 250 });
  try {
    let downloads = 0;
    page.on("download", () => downloads++);
    await page.goto(`/w/${us.id_code}/segments/${active.id}`);
    await page.getByRole("button", { name: "Export CSV" }).click();
    const bar = page.getByRole("progressbar", { name: "Export progress" });
    await expect.poll(async () => Number(await bar.getAttribute("aria-valuenow"))).toBeGreaterThanOrEqual(20);
    // The lead cancels the same export from another tab: the server stops it mid-way.
    const cancelled = await page.evaluate(
      async (url) => (await (await fetch(url, { method: "DELETE" })).json()) as { cancelled: boolean },
      `/api/w/${us.id_code}/segments/${active.id}/export?export_id=${exportId}`,
    );
    expect(cancelled).toEqual({ cancelled: true });
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: /The export stopped after [\d,]+ of [\d,]+ members\. No file was saved/ }),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Export CSV" })).toBeVisible();
    expect(downloads).toBe(0);
  } finally {
    await sandboxFaults(null);
  }
});

test("a contact's page lists its segments (linked), companies, tags and open records, with links to the builder", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  const vip = (await segments(us)).find((s) => s.name === "VIP customers")!;
  const [memberId] = await members(us, { field: "segment_id", operator: "=", value: vip.id });
  const contact = await sandboxApi<{ name: string; email: string }>(us, "GET", `/contacts/${memberId}`);
  const theirs = (
    await sandboxApi<{ data: { id: string; name: string }[] }>(us, "GET", `/contacts/${memberId}/segments`)
  ).data;
  const open = {
    operator: "AND",
    value: [
      { field: "contact_ids", operator: "=", value: memberId },
      { field: "open", operator: "=", value: true },
    ],
  };
  const convs = await sandboxApi<{ total_count: number }>(us, "POST", "/conversations/search", {
    query: open,
    pagination: { per_page: 1 },
  });

  await page.goto(`/w/${us.id_code}/contacts/${memberId}`);
  await expect(page.getByRole("heading", { level: 1, name: contact.name })).toBeVisible();
  const list = page.getByRole("region", { name: "Segments" });
  await expect(list.getByRole("link")).toHaveCount(theirs.length);
  for (const s of theirs)
    await expect(list.getByRole("link", { name: s.name })).toHaveAttribute("href", `/w/${us.id_code}/segments/${s.id}`);
  await expect(
    page
      .getByText(
        convs.total_count === 0
          ? "No open conversations"
          : new RegExp(`(${convs.total_count} open|of ${convs.total_count})`),
      )
      .first(),
  ).toBeVisible();

  await page.getByRole("link", { name: "Open all open conversations in search" }).click();
  await expect(page).toHaveURL(/\/conversations\?q=/);
  await expect(
    page.getByRole("heading", {
      name: `${convs.total_count} ${convs.total_count === 1 ? "conversation" : "conversations"}`,
    }),
  ).toBeVisible();

  await page.goto(`/w/${us.id_code}/contacts/${memberId}`);
  await list.getByRole("link", { name: "VIP customers" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "VIP customers" })).toBeVisible();
});
