/**
 * The main flows with the keyboard alone: Tab, Shift+Tab, Enter, Space, arrows and typing.
 * No clicks: each control is reached by tabbing to it, as a keyboard user would.
 */
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { sandboxApi, workspace } from "../support";

/** Presses Tab until `target` has focus (Shift+Tab with `back`); fails if it never comes. */
async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    if (
      await target
        .evaluate((el) => el === document.activeElement || el.contains(document.activeElement))
        .catch(() => false)
    )
      return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Could not reach ${target} with the keyboard`);
}

test("sign in with the keyboard alone", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const us = await workspace("Northwind Support");
  await page.goto(`${baseURL}/signin`);
  await tabTo(page, page.getByRole("button", { name: "Sign in to Northwind Support" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: /Authorize/ })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Authorize access" }));
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/w/${us.id_code}$`));
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await context.close();
});

test("build and run a search with the keyboard alone", async ({ page }) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}/tickets`);
  await expect(
    page
      .getByRole("table", { name: /Matching/ })
      .locator("tbody tr")
      .first(),
  ).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "Add filter", exact: true }));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: /^Filter 2 field:/ }), { back: true });
  await page.keyboard.press("Enter");
  await page.keyboard.type("Category");
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: /^Filter 2 value:/ }));
  await page.keyboard.press("Enter");
  await page.keyboard.type("Tracker");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Escape");
  await tabTo(page, page.getByRole("button", { name: "Search", exact: true }));
  await page.keyboard.press("Enter");
  const truth = await sandboxApi<{ total_count: number }>(us, "POST", "/tickets/search", {
    query: {
      operator: "AND",
      value: [
        { field: "open", operator: "=", value: true },
        { field: "category", operator: "=", value: "tracker" },
      ],
    },
    pagination: { per_page: 1 },
  });
  await expect(page.getByRole("heading", { name: `${truth.total_count} tickets` })).toBeVisible();
  expect(page.url()).toContain("q=");
});

test("bulk triage with the keyboard alone", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const tags = await sandboxApi<{ data: { id: string; name: string }[] }>(us, "GET", "/tags");
  const tag = tags.data.find((t) => t.name === "follow-up")!;
  const tagsOf = async (id: string) =>
    (await sandboxApi<{ tags: { tags: { id: string }[] } }>(us, "GET", `/tickets/${id}`)).tags.tags.map((t) => t.id);
  await page.goto(`/w/${us.id_code}/tickets`);
  const boxes = page.getByRole("table", { name: /Matching/ }).getByRole("checkbox", { name: /^Select ticket #/ });
  await expect(boxes.nth(19)).toBeVisible();
  // A row well down the page whose ticket does not have the tag yet (other tests tag tickets too).
  const ids = await boxes.evaluateAll((els) =>
    els.map(
      (el) => el.closest("tr")?.querySelector<HTMLAnchorElement>("a[href*='/tickets/']")?.href.split("/").pop() ?? "",
    ),
  );
  let row = -1;
  for (let i = 14; i < ids.length && row < 0; i++) if (!(await tagsOf(ids[i])).includes(tag.id)) row = i;
  expect(row, "a ticket on the first page without the tag").toBeGreaterThanOrEqual(0);
  const before = await tagsOf(ids[row]);
  await tabTo(page, boxes.nth(row));
  await page.keyboard.press("Space");
  await expect(boxes.nth(row)).toBeChecked();
  const bar = page.getByRole("region", { name: "Selection" });
  await expect(bar).toContainText("1 ticket selected");
  await tabTo(page, bar.getByRole("button", { name: "Bulk action…" }));
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await tabTo(page, dialog.getByLabel("Action"));
  await page.keyboard.press("Enter");
  await page.keyboard.type("Add a");
  await page.keyboard.press("Enter");
  await expect(dialog.getByLabel("Action")).toHaveValue("add_tag");
  await tabTo(page, dialog.getByRole("button", { name: /^Tag:/ }));
  await page.keyboard.press("Enter");
  await page.keyboard.type("follow");
  await page.keyboard.press("Enter");
  await tabTo(page, dialog.getByRole("button", { name: "Preview" }));
  await page.keyboard.press("Enter");
  const run = dialog.getByRole("button", { name: "Run on 1 ticket" });
  await tabTo(page, run);
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/^1 selected ticket · by /)).toBeVisible();
  expect((await tagsOf(ids[row])).toSorted()).toEqual([...before, tag.id].toSorted());
});

test("change a ticket's type with the keyboard alone", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const types = (await sandboxApi<{ data: { id: string; name: string }[] }>(us, "GET", "/ticket_types")).data;
  const billing = types.find((t) => t.name === "Billing question")!;
  const bug = types.find((t) => t.name === "Bug report")!;
  const { tickets } = await sandboxApi<{ tickets: { id: string }[] }>(us, "POST", "/tickets/search", {
    query: {
      operator: "AND",
      value: [
        { field: "open", operator: "=", value: true },
        { field: "ticket_type_id", operator: "=", value: billing.id },
      ],
    },
    pagination: { per_page: 10 },
  });
  // A ticket with no severity: Bug report requires one, so the form asks for it.
  let id = tickets[0].id;
  for (const t of tickets) {
    const full = await sandboxApi<{ ticket_attributes: Record<string, unknown> }>(us, "GET", `/tickets/${t.id}`);
    if (!full.ticket_attributes.Severity) {
      id = t.id;
      break;
    }
  }
  await page.goto(`/w/${us.id_code}/tickets/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await tabTo(page, page.getByRole("button", { name: "More actions" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Change type…" })).toBeVisible();
  for (
    let i = 0;
    i < 5 &&
    !(await page.getByRole("menuitem", { name: "Change type…" }).evaluate((el) => el === document.activeElement));
    i++
  )
    await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: /Change the type/ });
  await tabTo(page, dialog.getByRole("radio", { name: /Bug report/ }));
  await page.keyboard.press("Space");
  await expect(dialog.getByRole("radio", { name: /Bug report/ })).toBeChecked();
  const severity = dialog.getByRole("listitem", { name: "Severity" });
  if ((await severity.textContent())?.includes("Needs a value")) {
    await tabTo(page, severity.getByRole("combobox", { name: "Severity" }));
    await page.keyboard.press("Enter");
    await page.keyboard.type("High");
    await page.keyboard.press("Enter");
  }
  await tabTo(page, dialog.getByRole("button", { name: "Change type" }));
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect
    .poll(async () => (await sandboxApi<{ ticket_type: { id: string } }>(us, "GET", `/tickets/${id}`)).ticket_type.id)
    .toBe(bug.id);
});
