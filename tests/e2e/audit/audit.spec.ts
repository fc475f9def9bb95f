/**
 * The Audit page: a small bulk job run through the UI is listed, the job and each of its
 * tickets with the values before and after; filters live in the URL; the CSV export holds the
 * same rows; a record opens from the log. Then the page in three widths, light and dark.
 */
import AxeBuilder from "@axe-core/playwright";
import { parseCsv } from "@/lib/csv";
import { expect, test } from "../fixtures";
import { workspace } from "../support";

/** The builder's URL form for a search: a versioned compact tree, base64url. */
const q = (tree: unknown) => "1." + Buffer.from(JSON.stringify(tree)).toString("base64url");

test("a bulk job and each of its tickets are in the audit log, filtered, exported and opened from it", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const us = await workspace("Northwind Support");

  // Close three open tickets in one bulk job.
  await page.goto(`/w/${us.id_code}/tickets?q=${q(["&", ["open", "=", true]])}`);
  const boxes = page.getByRole("table", { name: /Matching/ }).getByRole("checkbox", { name: /^Select ticket #/ });
  await expect(boxes.first()).toBeVisible();
  const numbers: string[] = [];
  for (const i of [2, 3, 4]) {
    const box = boxes.nth(i);
    numbers.push((await box.getAttribute("aria-label"))!.replace(/^Select ticket #/, ""));
    await box.click();
  }
  await expect(page.getByRole("region", { name: "Selection" })).toContainText("3 tickets selected");
  await page.getByRole("button", { name: "Bulk action…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Action").selectOption({ label: "Close" });
  await dialog.getByRole("button", { name: "Preview" }).click();
  await dialog.getByRole("button", { name: "Run on 3 tickets" }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  const jobId = new URL(page.url()).pathname.split("/").at(-1)!;
  await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 60_000 });

  // Open Audit from the sidebar: the job and each ticket, newest first.
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Audit" }).click();
  await expect(page.getByRole("heading", { name: "Audit", level: 1 })).toBeVisible();
  const log = page.getByRole("table", { name: "Audit log, newest first" });
  const created = log.getByRole("row").filter({ hasText: "bulk.job_created" }).filter({ hasText: "Close" }).first();
  await expect(created).toContainText("Started a bulk job over 3 tickets: Close");
  await expect(created.getByRole("link", { name: `Bulk job ${jobId.slice(0, 8)}` })).toHaveAttribute(
    "href",
    `/w/${us.id_code}/jobs/${jobId}`,
  );
  for (const n of numbers) {
    const row = log.getByRole("row").filter({ hasText: `Close: ticket #${n}` });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("bulk.item");
    await expect(row).toContainText("open: true → false");
  }

  // Filter by record (the job) and by action; the URL carries both.
  const filters = page.getByRole("form", { name: "Filter the audit log" });
  await filters.getByLabel("Record", { exact: true }).selectOption("bulk_job");
  await filters.getByLabel("Record id").fill(jobId);
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(new RegExp(`recordType=bulk_job.*recordId=${jobId}`));
  await expect(log.locator("tbody tr")).toHaveCount(4);
  await filters.getByLabel("Action").selectOption("bulk.item");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/action=bulk.item/);
  await expect(log.locator("tbody tr")).toHaveCount(3);

  // The filtered log survives a reload (the URL owns it), and a bad filter is shown beside its field.
  await page.reload();
  await expect(log.locator("tbody tr")).toHaveCount(3);
  await expect(filters.getByLabel("Record id")).toHaveValue(jobId);

  // Export CSV: the same three rows.
  const href = await page.getByRole("link", { name: "Export CSV" }).getAttribute("href");
  expect(href).toContain(`recordId=${jobId}`);
  const res = await page.request.get(href!);
  expect(res.headers()["content-type"]).toMatch(/text\/csv/);
  const rows = parseCsv(await res.text());
  const header = rows[0];
  const col = (name: string) => header.indexOf(name);
  expect(rows.slice(1)).toHaveLength(3);
  for (const r of rows.slice(1)) {
    expect(r[col("action")]).toBe("bulk.item");
    expect(r[col("job_id")]).toBe(jobId);
    expect(r[col("outcome")]).toBe("succeeded");
    expect(r[col("actor_email")]).toMatch(/@/);
    expect(JSON.parse(r[col("before")])).toEqual({ open: true });
    expect(JSON.parse(r[col("after")])).toEqual({ open: false });
  }
  expect(
    rows
      .slice(1)
      .map((r) => r[col("summary")])
      .sort(),
  ).toEqual(numbers.map((n) => `Close: ticket #${n}`).sort());

  // Open a ticket from the log.
  const first = log.getByRole("row").filter({ hasText: `Close: ticket #${numbers[0]}` });
  await first.getByRole("link", { name: /^Ticket / }).click();
  await expect(page).toHaveURL(/\/tickets\/[A-Za-z0-9_-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("a filter the server refuses is shown beside its field", async ({ page }) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}/audit?action=NOT%20AN%20ACTION`);
  const filters = page.getByRole("form", { name: "Filter the audit log" });
  await expect(filters.getByLabel("Action")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Fix the filters above to see the log.")).toBeVisible();
});

for (const theme of ["light", "dark"] as const) {
  test(`the Audit page at three widths in the ${theme} theme`, async ({ page }, info) => {
    const us = await workspace("Northwind Support");
    await page.emulateMedia({ colorScheme: theme });
    for (const width of [1024, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/w/${us.id_code}/audit`);
      await expect(page.getByRole("table", { name: "Audit log, newest first" })).toBeVisible();
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: info.outputPath(`audit-${width}-${theme}.png`), fullPage: true });
    }
    // No serious or critical accessibility violation, filters and table included.
    const result = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .analyze();
    expect(
      result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.help}`),
    ).toEqual([]);
  });
}
