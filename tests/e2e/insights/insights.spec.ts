/**
 * The Insights page against the real route and the sandbox: each bar opens a search with as
 * many records as it counts, a drill-down's tickets take a bulk job (checked in the sandbox),
 * a CSV export has the table's rows, the view lives in the URL, a bad custom range is refused
 * beside its field without a request, and axe finds nothing serious.
 */
import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page, Request } from "@playwright/test";
import { parseCsv } from "@/lib/csv";
import { toIntercom } from "@/lib/search/convert";
import { decodeQuery } from "@/lib/search/url";
import { expect, test } from "../fixtures";
import { runTagJob } from "../records/records";
import { allTickets, sandboxApi, sandboxFaults, workspace } from "../support";

interface Bar {
  name: string;
  href: string;
  value: number;
}

/** A chart's region, by its title. */
const chart = (page: Page, title: string) => page.getByRole("region", { name: title, exact: true });

/** Every bar of a chart that opens records, with the count its name says. */
async function bars(region: Locator): Promise<Bar[]> {
  await expect(region.getByRole("group").getByRole("link").first()).toBeAttached();
  const links = await region
    .getByRole("group")
    .getByRole("link")
    .evaluateAll((els) =>
      els.map((a) => ({ name: a.getAttribute("aria-label") ?? "", href: a.getAttribute("href") ?? "" })),
    );
  return links.map((l) => ({
    ...l,
    value: Number(/: ([\d,]+) (?:tickets?|conversations?)/.exec(l.name)![1].replace(/,/g, "")),
  }));
}

const tallest = (list: Bar[]) => list.reduce((a, b) => (b.value > a.value ? b : a));

/** The Intercom query behind a bar, as the sandbox takes it. */
function intercomQuery(bar: Bar, resource: "tickets" | "conversations") {
  const q = new URL(bar.href, "http://x").searchParams.get("q")!;
  return toIntercom(decodeQuery(q, resource)!, { now: Math.floor(Date.now() / 1000), adminId: "" });
}

/** Requests the page makes to the Insights route. */
function insightsRequests(page: Page): URL[] {
  const seen: URL[] = [];
  page.on("request", (r: Request) => {
    if (/\/api\/w\/[^/]+\/insights\?/.test(r.url())) seen.push(new URL(r.url()));
  });
  return seen;
}

test("Insights from the sidebar: a Conversations created bar and a Waiting now bucket each open a search with as many conversations", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}`);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Insights" }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${us.id_code}/insights$`));
  await expect(page.getByRole("heading", { name: "Insights", level: 1 })).toBeVisible();

  const created = tallest(await bars(chart(page, "Conversations created")));
  expect(created.name).toMatch(/^Created on \d+ \w+: [\d,]+ conversations — open these conversations$/);
  await chart(page, "Conversations created").getByRole("link", { name: created.name }).click();
  await expect(page).toHaveURL(/\/conversations\?q=1\./);
  const results = page.getByRole("region", { name: "Results" });
  await expect(results.getByRole("heading", { level: 2 })).toHaveText(
    `${created.value.toLocaleString("en")} conversations`,
  );

  // Back to the charts, then a waiting-time bucket.
  await page.goBack();
  const waiting = tallest(await bars(chart(page, "Waiting now")));
  expect(waiting.name).toMatch(/^Waiting .+: [\d,]+ conversations — open these conversations$/);
  await chart(page, "Waiting now").getByRole("link", { name: waiting.name }).click();
  await expect(page).toHaveURL(/\/conversations\?q=1\./);
  await expect(results.getByRole("heading", { level: 2 })).toHaveText(
    `${waiting.value.toLocaleString("en")} conversations`,
  );
});

test("the tickets behind a bar take a bulk job: all matching selected, tagged, and each tagged in the sandbox", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}/insights?range=90`);
  const region = chart(page, "Tickets created");
  // A week with more tickets than one page of results, so "all matching" means more than the page.
  const bar = tallest(await bars(region));
  expect(bar.value).toBeGreaterThan(20);
  const query = intercomQuery(bar, "tickets");
  type Tagged = { id: string; tags?: { tags: { id: string }[] } };
  const before = await allTickets<Tagged>(us, query);
  // Other specs delete tickets while this one runs, and the chart may be drawn from the cache:
  // the job acts on what the search finds now, read from the sandbox at the same moment.
  expect(before.length).toBeGreaterThan(20);
  // The tag fewest of them have, so the job changes something.
  const tags = (await sandboxApi<{ data: { id: string; name: string }[] }>(us, "GET", "/tags")).data;
  const having = (id: string) => before.filter((t) => t.tags?.tags.some((x) => x.id === id)).length;
  const tag = tags.reduce((a, b) => (having(b.id) < having(a.id) ? b : a));
  expect(having(tag.id)).toBeLessThan(before.length);

  await region.getByRole("link", { name: bar.name }).click();
  await expect(page).toHaveURL(/\/tickets\?q=1\./);
  await expect(page.getByRole("region", { name: "Results" }).getByRole("heading", { level: 2 })).toHaveText(
    `${before.length} tickets`,
  );
  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  await page.getByRole("button", { name: `Select all ${before.length} matching` }).click();
  const selection = page.getByRole("region", { name: "Selection" });
  await expect(selection).toContainText(`${before.length} tickets selected (all matching)`);
  await selection.getByRole("button", { name: "Bulk action…" }).click();
  await runTagJob(page, page.getByRole("dialog"), tag.name);

  const after = await allTickets<Tagged>(us, query);
  expect(after.map((t) => t.id).sort()).toEqual(before.map((t) => t.id).sort());
  expect(after.filter((t) => !t.tags?.tags.some((x) => x.id === tag.id))).toEqual([]);
});

test("a chart's CSV export has the rows its table shows", async ({ page }) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}/insights?range=7&split=team`);
  const region = chart(page, "Conversations created");
  await region.getByRole("button", { name: "Show Conversations created as a table" }).click();
  const table = region.getByRole("table", { name: "Conversations created" });
  await expect(table).toBeVisible();
  const shown = await table.evaluate((t: HTMLTableElement) =>
    [...t.rows].map((r) => [...r.cells].map((c) => c.textContent?.trim() ?? "")),
  );
  expect(shown.length).toBe(8); // the heading and seven days

  const downloading = page.waitForEvent("download");
  await region.getByRole("button", { name: "Export Conversations created as CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^conversations-created-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = parseCsv(await readFile((await download.path())!, "utf8"));

  const [head, ...rows] = csv;
  expect(head.slice(0, 3)).toEqual(["bucket", "start", "end"]);
  expect(head.slice(3)).toEqual(shown[0].slice(1));
  expect(rows.map((r) => [r[0], ...r.slice(3)])).toEqual(shown.slice(1).map((r) => r.map((c) => c.replace(/,/g, ""))));
  // Each day runs from its date to the next.
  for (const r of rows) expect(r[1] < r[2]).toBe(true);
});

test("the view lives in the URL: Back and Forward walk through range, split and granularity, and Refresh asks the route to recompute", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  const requests = insightsRequests(page);
  await page.goto(`/w/${us.id_code}/insights`);
  await expect(chart(page, "Tickets created").getByRole("group")).toBeVisible();

  await page.getByLabel("Range", { exact: true }).selectOption({ label: "Last 7 days" });
  await expect(page).toHaveURL(/range=7/);
  await page.getByLabel("Split by").selectOption({ label: "Team" });
  await expect(page).toHaveURL(/range=7.*split=team|split=team.*range=7/);
  await expect(page.getByText(/\(7 days, by day,/)).toBeVisible();
  await page.getByLabel("Group by").selectOption({ label: "Week" });
  await expect(page).toHaveURL(/by=week/);
  await expect(page.getByText(/\(7 days, by week,/)).toBeVisible();

  await page.goBack();
  await expect(page).not.toHaveURL(/by=week/);
  await expect(page.getByLabel("Group by")).toHaveValue("day");
  await page.goBack();
  await expect(page).not.toHaveURL(/split=team/);
  await expect(page.getByLabel("Split by")).toHaveValue("none");
  await page.goForward();
  await expect(page.getByLabel("Split by")).toHaveValue("team");

  // A shared link opens the same view.
  await page.goto(`/w/${us.id_code}/insights?range=90&split=teammate`);
  await expect(page.getByLabel("Range", { exact: true })).toHaveValue("90");
  await expect(page.getByLabel("Split by")).toHaveValue("teammate");
  await expect(page.getByText(/\(90 days, by week,/)).toBeVisible();

  await page.getByRole("button", { name: "Refresh" }).click();
  await expect(page.getByText(/^Refreshed: /)).toBeVisible({ timeout: 30_000 });
  expect(requests.some((u) => u.searchParams.get("refresh") === "1" && u.searchParams.get("range") === "90")).toBe(
    true,
  );
});

test("a custom range ending before it starts is refused beside its field, and never asked for", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const requests = insightsRequests(page);
  const refused = () => requests.filter((u) => u.searchParams.get("from") === "2026-01-20");

  // Typed into the form.
  await page.goto(`/w/${us.id_code}/insights`);
  await expect(chart(page, "Tickets created").getByRole("group")).toBeVisible();
  await page.getByLabel("Range", { exact: true }).selectOption({ label: "Custom range" });
  await page.getByLabel("From", { exact: true }).fill("2026-01-20");
  await page.getByLabel("To", { exact: true }).fill("2026-01-10");
  await page.getByRole("button", { name: "Apply" }).click();
  const to = page.getByLabel("To", { exact: true });
  await expect(to).toHaveAttribute("aria-invalid", "true");
  await expect(to).toHaveAccessibleDescription("The last day is before the first");
  await expect(page).not.toHaveURL(/from=2026-01-20/);
  // The page keeps working (a split asks for the range still in the URL), and never asked for the bad one.
  const asked = requests.length;
  await page.getByLabel("Split by").selectOption({ label: "Team" });
  await expect.poll(() => requests.length).toBeGreaterThan(asked);
  expect(refused()).toEqual([]);

  // Opened from a link: the same error, no request, no charts.
  await page.goto(`/w/${us.id_code}/insights?range=custom&from=2026-01-20&to=2026-01-10`);
  await expect(page.getByLabel("To", { exact: true })).toHaveAccessibleDescription("The last day is before the first");
  await expect(page.getByText("Choose a range the charts can cover to see them.")).toBeVisible();
  await page.getByLabel("Range", { exact: true }).selectOption({ label: "Last 7 days" });
  await expect(chart(page, "Tickets created").getByRole("group")).toBeVisible();
  expect(refused()).toEqual([]);
});

for (const theme of ["light", "dark"] as const) {
  test(`Insights passes axe in the ${theme} theme, charts and a table`, async ({ page }) => {
    const us = await workspace("Northwind Support");
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`/w/${us.id_code}/insights?split=team`);
    await expect(chart(page, "Waiting now").getByRole("group")).toBeVisible();
    await chart(page, "Tickets created").getByRole("button", { name: "Show Tickets created as a table" }).click();
    await expect(chart(page, "Tickets created").getByRole("table")).toBeVisible();
    const result = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .analyze();
    const serious = result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious).toEqual([]);
  });
}

test("the arrow keys walk a chart's bars from one tab stop, and Enter opens one", async ({ page }) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}/insights?range=7`);
  const region = chart(page, "Conversations created");
  const list = await bars(region);
  const links = region.getByRole("group").getByRole("link");
  await expect(links.first()).toHaveAttribute("tabindex", "0");
  await expect(links.nth(1)).toHaveAttribute("tabindex", "-1");
  await links.first().focus();
  await page.keyboard.press("ArrowRight");
  await expect(links.nth(1)).toBeFocused();
  await page.keyboard.press("End");
  await expect(links.last()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/conversations\?q=1\./);
  await expect(page.getByRole("region", { name: "Results" }).getByRole("heading", { level: 2 })).toHaveText(
    `${list.at(-1)!.value.toLocaleString("en")} ${list.at(-1)!.value === 1 ? "conversation" : "conversations"}`,
  );
});

test("a chart Intercom could not answer says what is missing instead of drawing, and Refresh draws it", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  // Days no other test reads, so they are not in the cache yet: the first search for them fails.
  await sandboxFaults({ fail_next: [{ method: "POST", path: "/conversations/search", status: 400 }] });
  try {
    await page.goto(`/w/${us.id_code}/insights?range=custom&from=2025-06-02&to=2025-06-08`);
    const created = chart(page, "Conversations created");
    await expect(created.getByRole("status")).toContainText("Intercom refused the search");
    await expect(created.getByRole("status")).toContainText("Refresh to try again.");
    await expect(created.getByRole("group")).toHaveCount(0);
    await expect(created.getByRole("button", { name: /Export/ })).toHaveCount(0);
    // The other charts are drawn.
    await expect(chart(page, "Tickets created").getByRole("group")).toBeVisible();

    await page.getByRole("button", { name: "Refresh" }).click();
    await expect(created.getByRole("group")).toBeVisible({ timeout: 30_000 });
    await expect(created.getByRole("status")).toHaveCount(0);
  } finally {
    await sandboxFaults(null);
  }
});
