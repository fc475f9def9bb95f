/** What a lead sees when Intercom fails or is slow: clear messages, no hang, nothing half-done. */
import { expect, test } from "../fixtures";
import {
  conversation,
  conversationIn,
  interactive,
  openTicket,
  priorityLevel,
  ticket,
  toast,
} from "../records/records";
import { sandboxFaults, workspace } from "../support";

test.afterEach(async () => {
  await sandboxFaults(null);
});

test("when Intercom is down, every page says so and offers to try again", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const t = await openTicket(us, "Customer", 12);
  await sandboxFaults({ error_rate: 1, error_timing: "before" });

  await page.goto(`/w/${us.id_code}/tickets`);
  await expect(
    page
      .getByRole("alert")
      .filter({ hasText: /could not (be loaded|be run)/ })
      .first(),
  ).toBeVisible();
  // The ticket page renders on the server: its error boundary takes over, with a retry.
  await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
  await expect(page.getByRole("heading", { name: "This page ran into a problem" })).toBeVisible();
  // Pages that need no Intercom call still work.
  await page.goto(`/w/${us.id_code}/jobs`);
  await expect(page.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();

  await sandboxFaults(null);
  await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`#${t.ticket_id}`);
});

test("with 10-second answers the UI shows it is waiting and stays usable", async ({ page, context }) => {
  test.setTimeout(90_000);
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}/tickets`);
  // The first answer has arrived (skeleton rows are rows too): the heading counts the tickets.
  await expect(page.getByRole("heading", { level: 2, name: /^[\d,]+ tickets/ })).toBeVisible();
  await sandboxFaults({ latency_ms: 10_000 });

  // A new search waits visibly while the page goes on working.
  await page.getByRole("button", { name: "Add filter", exact: true }).click();
  await page.getByRole("button", { name: /^Filter 2 field:/ }).click();
  await page.getByRole("combobox", { name: "Search fields" }).fill("Open");
  await page.getByRole("option", { name: "Open", exact: true }).click();
  await expect(page.getByText("Counting matches…")).toBeVisible();
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByText("Updating…")).toBeVisible();
  await expect(page.getByRole("region", { name: "Results" }).locator("[aria-busy=true]")).toBeVisible();
  // Still usable: a menu opens, the theme switches, another page loads.
  await page.getByRole("button", { name: "Columns" }).click();
  await expect(page.getByRole("menu").or(page.getByRole("dialog")).first()).toBeVisible();
  await page.keyboard.press("Escape");
  const searchedAt = Date.now();
  const other = await context.newPage();
  await other.goto(`/w/${us.id_code}/jobs`);
  await expect(other.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible({ timeout: 5_000 });
  await other.close();
  // And the answer arrives, late but whole.
  await expect(page.getByText("Updating…")).toHaveCount(0, { timeout: 30_000 });
  expect(Date.now() - searchedAt).toBeGreaterThan(5_000);
  await expect(
    page
      .getByRole("table", { name: /Matching/ })
      .locator("tbody tr")
      .first(),
  ).toBeVisible();
});

test("a 5xx during a single edit rolls the change back and says so", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const t = await openTicket(us, "Customer", 13);
  await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
  const shared = page.getByRole("switch", { name: "Shared with the customer" });
  await expect(shared).toHaveAttribute("aria-checked", String(t.is_shared));
  await sandboxFaults({ fail_next: [{ method: "PUT", path: `/tickets/${t.id}`, status: 500 }] });
  await shared.click();
  // What was tried, Intercom's answer in its words, and what the page shows again.
  await toast(
    page,
    t.is_shared
      ? "Couldn't stop sharing it with the customer: Intercom answered 500: Server Error. It is still shared."
      : "Couldn't share it with the customer: Intercom answered 500: Server Error. It is still not shared.",
  );
  await expect(shared).toHaveAttribute("aria-checked", String(t.is_shared));
  expect((await ticket(us, t.id)).is_shared).toBe(t.is_shared);
  // Once Intercom is back, the same edit goes through.
  await shared.click();
  await expect.poll(async () => (await ticket(us, t.id)).is_shared).toBe(!t.is_shared);
});

test("a 5xx during a conversation edit says what failed and what is back, and changes nothing", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const c = await conversationIn(us, "open", 7);
  await page.goto(`/w/${us.id_code}/conversations/${c.id}`);
  const close = page.getByRole("button", { name: "Close", exact: true });
  await interactive(page);

  await sandboxFaults({ fail_next: [{ method: "POST", path: `/conversations/${c.id}/parts`, status: 500 }] });
  await close.click();
  await toast(
    page,
    "Couldn't close the conversation: Intercom answered 500: Server Error. The conversation is open again.",
  );
  await expect(close).toBeVisible();
  expect(await conversation(us, c.id)).toEqual(c);

  // A reply keeps its text, and the box says the same.
  const box = page.getByRole("region", { name: "Reply or note" });
  await sandboxFaults({ fail_next: [{ method: "POST", path: `/conversations/${c.id}/reply`, status: 500 }] });
  await box.getByRole("textbox").fill("This reply does not reach the customer.");
  await box.getByRole("button", { name: "Send reply" }).click();
  await expect(box.getByText("Couldn't send the reply: Intercom answered 500: Server Error.")).toBeVisible();
  await expect(box.getByRole("textbox")).toHaveValue("This reply does not reach the customer.");
  expect(await conversation(us, c.id)).toEqual(c);

  // Priority, a plain update: the select shows the old level again.
  const was = await priorityLevel(us, c.id);
  const level = was === "urgent" ? "low" : "urgent";
  const priority = page.getByRole("combobox", { name: "Priority" });
  await sandboxFaults({ fail_next: [{ method: "PUT", path: `/conversations/${c.id}`, status: 500 }] });
  await priority.selectOption(level);
  await toast(
    page,
    `Couldn't set the priority to ${level}: Intercom answered 500: Server Error. ${
      was === "none" ? "The conversation has no priority again." : `The priority is ${was} again.`
    }`,
  );
  await expect(priority).toHaveValue(was);
  expect(await conversation(us, c.id)).toEqual(c);
});
