import { expect, test } from "../fixtures";
import { sandboxApi, workspace } from "../support";
import { firstColumn, pickField, pickValues, runSearch } from "./builder";

test("a contacts search by segment and tag matches Intercom", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const segments = await sandboxApi<{ segments: { id: string; name: string }[] }>(us, "GET", "/segments");
  const vip = segments.segments.find((s) => s.name === "Active users (30 days)")!;
  await page.goto(`/w/${us.id_code}/contacts`);
  await pickField(page, "Filter 1", "Segment");
  await pickValues(page, "Filter 1", vip.name);
  await runSearch(page);
  const truth = await sandboxApi<{ data: { name: string }[]; total_count: number }>(us, "POST", "/contacts/search", {
    query: { operator: "AND", value: [{ field: "segment_id", operator: "=", value: vip.id }] },
    pagination: { per_page: 50 },
  });
  await expect(page.getByRole("heading", { name: `${truth.total_count} contacts` })).toBeVisible();
  await expect.poll(() => firstColumn(page)).toEqual(truth.data.map((c) => c.name));
});

test("a conversation search on a date relative to now", async ({ page }) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}/conversations`);
  await page.getByRole("button", { name: "Add filter", exact: true }).click();
  await pickField(page, "Filter 2", "Created");
  await page.getByRole("combobox", { name: "Filter 2 operator" }).click();
  await page.getByRole("option", { name: "is on or after", exact: true }).click();
  await page.getByRole("spinbutton", { name: "Filter 2 value: how many" }).fill("2");
  await runSearch(page);
  const since = Math.floor(Date.now() / 1000) - 2 * 86_400;
  const truth = await sandboxApi<{ total_count: number }>(us, "POST", "/conversations/search", {
    query: {
      operator: "AND",
      value: [
        { field: "open", operator: "=", value: true },
        { field: "created_at", operator: ">", value: since },
      ],
    },
    pagination: { per_page: 1 },
  });
  // Within a minute of now, the relative date gives the same count (give or take records at the edge).
  const heading = page.getByRole("heading", { name: /conversations$/ });
  await expect(heading).toBeVisible();
  const shown = Number((await heading.innerText()).split(" ")[0].replace(/,/g, ""));
  expect(Math.abs(shown - truth.total_count)).toBeLessThanOrEqual(2);
});
