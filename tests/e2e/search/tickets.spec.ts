import { expect, test } from "../fixtures";
import { SANDBOX_URL, sandboxApi, workspace } from "../support";
import { firstColumn, pickField, pickOperator, pickValues, runSearch } from "./builder";

interface TicketList {
  tickets: { ticket_id: string }[];
  total_count: number;
}

test("build open AND (category request OR task) AND assigned, and see exactly what Intercom answers", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}/tickets`);
  await expect(page.getByRole("group", { name: "Filter 1" })).toBeVisible();

  await page.getByRole("button", { name: "Add group" }).click();
  await pickField(page, "Filter 2.1", "Category");
  await pickValues(page, "Filter 2.1", "Customer");
  await page.getByRole("button", { name: "Add filter to group 2" }).click();
  await pickField(page, "Filter 2.2", "Category");
  await pickValues(page, "Filter 2.2", "Back-office");
  await page
    .getByRole("radiogroup", { name: "Join this group's filters with" })
    .getByRole("radio", { name: "any (OR)" })
    .click();
  await page.getByRole("button", { name: "Add filter", exact: true }).click();
  await pickField(page, "Filter 3", "Assignee (teammate)");
  await pickOperator(page, "Filter 3", "is not");
  await pickValues(page, "Filter 3", "Unassigned");
  await page.getByRole("combobox", { name: "Rows per page" }).selectOption("50");

  const query = {
    operator: "AND",
    value: [
      { field: "open", operator: "=", value: true },
      {
        operator: "OR",
        value: [
          { field: "category", operator: "=", value: "request" },
          { field: "category", operator: "=", value: "task" },
        ],
      },
      { field: "admin_assignee_id", operator: "!=", value: "0" },
    ],
  };
  const truth = await sandboxApi<TicketList>(us, "POST", "/tickets/search", { query, pagination: { per_page: 50 } });
  await expect(page.getByText(`${truth.total_count} matches (not searched yet)`)).toBeVisible();
  await runSearch(page);
  await expect(page.getByRole("heading", { name: `${truth.total_count} tickets` })).toBeVisible();
  await expect.poll(() => firstColumn(page)).toEqual(truth.tickets.map((t) => `#${t.ticket_id}`));

  // The JSON panel shows exactly that query.
  await page.getByRole("button", { name: "JSON" }).click();
  const json = JSON.parse(await page.getByRole("textbox", { name: "Query JSON" }).inputValue());
  expect(json).toEqual(query);
  await page.keyboard.press("Escape");

  // The link reproduces the view in a fresh page, and paging follows Intercom's cursors.
  const shared = page.url();
  const second = await page.context().newPage();
  await second.goto(shared);
  await expect.poll(() => firstColumn(second)).toEqual(truth.tickets.map((t) => `#${t.ticket_id}`));
  await second.getByRole("button", { name: "Next" }).click();
  const page2 = await sandboxApi<TicketList>(us, "POST", "/tickets/search", {
    query,
    pagination: {
      per_page: 50,
      starting_after: (
        await sandboxApi<{ pages: { next: { starting_after: string } } }>(us, "POST", "/tickets/search", {
          query,
          pagination: { per_page: 50 },
        })
      ).pages.next.starting_after,
    },
  });
  await expect.poll(() => firstColumn(second)).toEqual(page2.tickets.map((t) => `#${t.ticket_id}`));
  await expect(second.getByText(`51–100 of ${truth.total_count}`)).toBeVisible();
  await second.goBack();
  await expect.poll(() => firstColumn(second)).toEqual(truth.tickets.map((t) => `#${t.ticket_id}`));
  await second.close();
});

test("paste JSON into the builder, and see invalid JSON refused with a reason", async ({ page }) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}/tickets`);
  await page.getByRole("button", { name: "JSON" }).click();
  const box = page.getByRole("textbox", { name: "Query JSON" });
  await box.fill(JSON.stringify({ query: { field: "created_at", operator: ">", value: "foobar" } }));
  await page.getByRole("button", { name: "Apply to builder" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /date/i })).toBeVisible();

  const query = {
    operator: "AND",
    value: [
      { field: "state", operator: "=", value: "waiting_on_customer" },
      { field: "open", operator: "=", value: true },
    ],
  };
  await box.fill(JSON.stringify(query, null, 2));
  await page.getByRole("button", { name: "Apply to builder" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByRole("combobox", { name: "Filter 1 operator" })).toBeVisible();
  await runSearch(page);
  const truth = await sandboxApi<TicketList>(us, "POST", "/tickets/search", { query, pagination: { per_page: 20 } });
  await expect.poll(() => firstColumn(page)).toEqual(truth.tickets.map((t) => `#${t.ticket_id}`));
});

test("limits are enforced while building, and a refusal from Intercom is shown beside the builder", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}/tickets`);
  for (let i = 0; i < 14; i++) await page.getByRole("button", { name: "Add filter", exact: true }).click();
  const add = page.getByRole("button", { name: /^Add filter/ }).first();
  await expect(add).toHaveAttribute("aria-disabled", "true");
  await expect(add).toContainText("A group holds at most 15 filters");
  await expect(page.getByText("14 filters need attention before searching")).toBeVisible();
  await expect(page.getByRole("button", { name: "Search", exact: true })).toBeDisabled();

  await page.goto(`/w/${us.id_code}/tickets`);
  await page.getByRole("button", { name: "Add group" }).click();
  const nested = page.getByRole("button", { name: /^Add group inside group 2/ });
  await expect(nested).toHaveAttribute("aria-disabled", "true");
  await expect(nested).toContainText("nested at most 2 levels");

  // Intercom refusing a search anyway: its words appear beside the builder.
  await page.goto(`/w/${us.id_code}/tickets`);
  await pickOperator(page, "Filter 1", "is not");
  await expect(page.getByText(/matches \(not searched yet\)/)).toBeVisible();
  await fetch(`${SANDBOX_URL}/sandbox/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ fail_next: [{ method: "POST", path: "/tickets/search", status: 400 }] }),
  });
  await runSearch(page);
  await expect(page.getByText("Intercom refused this search:")).toBeVisible();
});
