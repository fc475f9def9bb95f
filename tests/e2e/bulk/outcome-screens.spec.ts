/**
 * The screens that tell a job's outcome and a segment's people, at three widths in both
 * themes: a cancelled job with tickets not run, the Jobs list's counts, the segments list and
 * a leads segment with an export starting.
 */
import type { Page, TestInfo } from "@playwright/test";
import { expect, test } from "../fixtures";
import { sandboxApi, sandboxFaults, workspace } from "../support";

const WIDTHS = [1024, 1366, 1920];

async function shots(page: Page, info: TestInfo, name: string): Promise<void> {
  for (const theme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: theme });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: info.outputPath(`${name}-${width}-${theme}.png`), fullPage: true });
    }
  }
}

test("a cancelled job, the Jobs list, the segments and a leads segment at three widths, light and dark", async ({
  page,
}, info) => {
  const us = await workspace("Northwind Support");
  // Open tickets of the type with the third-most open tickets (the outcome tests take the first two).
  const types = (
    await sandboxApi<{ data: { id: string; name: string; archived: boolean }[] }>(us, "GET", "/ticket_types")
  ).data.filter((t) => !t.archived && t.name !== "Billing question");
  const openOf = (type: string) =>
    sandboxApi<{ tickets: { id: string }[]; total_count: number }>(us, "POST", "/tickets/search", {
      query: {
        operator: "AND",
        value: [
          { field: "open", operator: "=", value: true },
          { field: "ticket_type_id", operator: "=", value: type },
        ],
      },
      pagination: { per_page: 8 },
    });
  const byOpen = (await Promise.all(types.map((t) => openOf(t.id)))).sort((a, b) => b.total_count - a.total_count);
  const open = byOpen[2];
  expect(open.tickets.length).toBe(8);
  // The workspace's catalogue is read (and cached) at full speed first: then creating the job takes one call.
  await page.goto(`/w/${us.id_code}/tickets`);
  await expect(page.getByRole("table", { name: /Matching/ })).toBeVisible();
  await page.goto(`/w/${us.id_code}/jobs`);
  await sandboxFaults({ latency_ms: 150, rate_limit_per_window: 2, window_seconds: 1 });
  try {
    const created = await page.evaluate(
      async ({ url, ids }) =>
        (await (
          await fetch(url, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ selection: { kind: "ids", ids }, action: { type: "close" } }),
          })
        ).json()) as { id?: string; error?: unknown },
      { url: `/api/w/${us.id_code}/bulk-jobs`, ids: open.tickets.map((t) => t.id) },
    );
    expect(created).toEqual(expect.objectContaining({ id: expect.stringMatching(/^[0-9a-f-]{36}$/) }));
    await page.goto(`/w/${us.id_code}/jobs/${created.id!}`);
    await page.getByRole("button", { name: "Cancel job" }).click();
    await expect(page.getByText("Cancelled", { exact: true })).toBeVisible({ timeout: 20_000 });
  } finally {
    await sandboxFaults(null);
  }
  await expect(page.getByRole("button", { name: "Resume" })).toBeVisible();
  await shots(page, info, "job-cancelled");
  await page.goto(`/w/${us.id_code}/jobs`);
  await expect(page.getByRole("table")).toBeVisible();
  await shots(page, info, "jobs");

  const segments = (
    await sandboxApi<{ segments: { id: string; person_type: string; count: number }[] }>(
      us,
      "GET",
      "/segments?include_count=true",
    )
  ).segments;
  await page.goto(`/w/${us.id_code}/segments`);
  await expect(page.getByRole("table")).toBeVisible();
  await shots(page, info, "segments");
  const leads = segments.find((s) => s.person_type === "contact")!;
  await page.goto(`/w/${us.id_code}/segments/${leads.id}`);
  await expect(page.getByText(/· Leads\./)).toBeVisible();
  await expect(page.getByRole("heading", { name: `${leads.count} contacts` })).toBeVisible();
  await sandboxFaults({ latency_ms: 20_000 });
  try {
    await page.getByRole("button", { name: "Export CSV" }).click();
    await expect(page.getByText("Starting…")).toBeVisible();
    await shots(page, info, "segment-export-starting");
    await page.getByRole("button", { name: "Cancel export" }).click();
    await expect(page.getByText("Export cancelled before it began.")).toBeVisible();
  } finally {
    await sandboxFaults(null);
  }
});
