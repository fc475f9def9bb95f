/**
 * Segments say who they hold (Intercom's person_type: `contact` is a lead), the member count
 * follows a refinement, and an export cancelled before its first page asks Intercom for none.
 */
import { expect, test } from "../fixtures";
import { pickField, pickValues, runSearch } from "../search/builder";
import { SANDBOX_URL, sandboxApi, sandboxFaults, workspace } from "../support";

interface Segment {
  id: string;
  name: string;
  person_type: "user" | "contact";
  count: number;
}

const numbers = new Intl.NumberFormat("en");

test("a segment's people are labelled from its person type, and its member count follows the refinement", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  const all = (await sandboxApi<{ segments: Segment[] }>(us, "GET", "/segments?include_count=true")).segments;
  const leads = all.find((s) => s.person_type === "contact")!;
  const users = all.find((s) => s.person_type === "user" && s.count > 20)!;
  expect(leads).toBeDefined();

  await page.goto(`/w/${us.id_code}/segments`);
  const row = (s: Segment) =>
    page.getByRole("row").filter({ has: page.getByRole("link", { name: s.name, exact: true }) });
  await expect(row(leads)).toContainText("Leads");
  await expect(row(leads)).not.toContainText("Users");
  await expect(row(users)).toContainText("Users");

  await page.goto(`/w/${us.id_code}/segments/${leads.id}`);
  await expect(page.getByText(`${numbers.format(leads.count)} members · Leads.`, { exact: false })).toBeVisible();

  // Refined by a tag: the count is of the members that match, as Intercom counts them.
  const tags = (await sandboxApi<{ data: { id: string; name: string }[] }>(us, "GET", "/tags")).data;
  const tag = tags[0];
  const refined = await sandboxApi<{ total_count: number }>(us, "POST", "/contacts/search", {
    query: {
      operator: "AND",
      value: [
        { field: "segment_id", operator: "=", value: users.id },
        { field: "tag_id", operator: "=", value: tag.id },
      ],
    },
    pagination: { per_page: 1 },
  });
  await page.goto(`/w/${us.id_code}/segments/${users.id}`);
  await expect(page.getByText(`${numbers.format(users.count)} members · Users.`, { exact: false })).toBeVisible();
  await page.getByRole("button", { name: "Add filter", exact: true }).click();
  await pickField(page, "Filter 1", "Tag");
  await pickValues(page, "Filter 1", tag.name);
  await runSearch(page);
  await expect(
    page.getByText(
      `${numbers.format(refined.total_count)} of ${numbers.format(users.count)} members match the refinement`,
    ),
  ).toBeVisible();
});

test("an export reads Starting… until its first page, and once cancelled asks Intercom for no further page", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  const all = (await sandboxApi<{ segments: Segment[] }>(us, "GET", "/segments?include_count=true")).segments;
  const segment = all.find((s) => s.count > 20)!;
  let downloads = 0;
  page.on("download", () => downloads++);
  await page.goto(`/w/${us.id_code}/segments/${segment.id}`);
  // The page's own searches are done before Intercom slows down.
  await expect(page.getByRole("heading", { name: `${numbers.format(segment.count)} contacts` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Export CSV" })).toBeVisible();
  const searches = async (since: number) =>
    (
      (await (
        await fetch(
          `${SANDBOX_URL}/sandbox/requests?since=${since}&method=POST&path_prefix=/contacts/search&id_code=${us.id_code}`,
        )
      ).json()) as { requests: { received_at: number }[] }
    ).requests;
  const since = ((await (await fetch(`${SANDBOX_URL}/sandbox/requests`)).json()) as { last_seq: number }).last_seq;
  // Intercom slow enough that the cancel comes while the segment or its first page is still being read.
  await sandboxFaults({ latency_ms: 1_500 });
  try {
    await page.getByRole("button", { name: "Export CSV" }).click();
    await expect(page.getByText("Starting…")).toBeVisible();
    await expect(page.getByText(/0 of 0 members/)).toHaveCount(0);
    const cancelAnswered = page.waitForResponse(
      (r) => r.request().method() === "DELETE" && r.url().includes(`/segments/${segment.id}/export`),
    );
    await page.getByRole("button", { name: "Cancel export" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Export cancelled before it began." })).toBeVisible();
    expect((await cancelAnswered).ok()).toBe(true);
    const cancelledAt = Date.now();
    // Long enough for a page the paging would have asked for next (latency 1.5 s) to arrive.
    await page.waitForTimeout(4_000);
    const asked = await searches(since);
    // At most the first page, already on its way when the cancel came; nothing after it.
    expect(asked.length).toBeLessThanOrEqual(1);
    expect(asked.filter((r) => r.received_at >= cancelledAt)).toEqual([]);
    expect(downloads).toBe(0);
  } finally {
    await sandboxFaults(null);
  }
});
