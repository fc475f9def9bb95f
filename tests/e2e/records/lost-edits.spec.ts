/** A save ends only its own edit: other attributes being edited keep what was typed. */
import { expect, test } from "../fixtures";
import { sandboxFaults, workspace } from "../support";
import { openTicket, ticket } from "./records";

test.afterEach(async () => {
  await sandboxFaults(null);
});

test("a second attribute's editor keeps its text while the first one saves", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const t = await openTicket(us, "Customer", 30);
  await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`#${t.ticket_id}`);

  // Every call to Intercom now takes 3 s: the first save is still running while the second edit is typed.
  await sandboxFaults({ latency_ms: 3000 });
  await page.getByRole("button", { name: "Edit Title" }).click();
  await page.getByRole("textbox", { name: "Title" }).fill("Sync drops the last row");
  await page.getByRole("button", { name: "Save Title" }).click();
  await expect(page.getByRole("button", { name: /Saving/ })).toBeVisible();

  await page.getByRole("button", { name: "Edit Description" }).click();
  const description = page.getByRole("textbox", { name: "Description" });
  await description.fill("Seen on every export since Monday.");

  // The first save ends (its editor closes, the title shows) and the second editor is untouched.
  await expect(page.getByRole("button", { name: "Save Title" })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Sync drops the last row");
  expect((await ticket(us, t.id)).ticket_attributes._default_title_).toBe("Sync drops the last row");
  await expect(description).toBeVisible();
  await expect(description).toHaveValue("Seen on every export since Monday.");
  await expect(description).toBeFocused();

  await sandboxFaults(null);
  await page.getByRole("button", { name: "Save Description" }).click();
  await expect(description).toHaveCount(0);
  await expect
    .poll(async () => (await ticket(us, t.id)).ticket_attributes._default_description_)
    .toBe("Seen on every export since Monday.");

  // Both changed; nothing else did.
  const after = await ticket(us, t.id);
  expect(after.ticket_attributes).toEqual({
    ...t.ticket_attributes,
    _default_title_: "Sync drops the last row",
    _default_description_: "Seen on every export since Monday.",
  });
  expect(after.ticket_state.id).toBe(t.ticket_state.id);
  expect(after.admin_assignee_id).toBe(t.admin_assignee_id);
  expect(after.team_assignee_id).toBe(t.team_assignee_id);
  expect(after.open).toBe(t.open);
  expect(after.is_shared).toBe(t.is_shared);
});
