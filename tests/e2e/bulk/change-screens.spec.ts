/**
 * The screens the change model touches, at three widths, light and dark: the bulk preview's
 * table of states per ticket type, a type change's table, and a snoozed ticket's Unsnooze.
 * Nothing is run: the screens are only looked at.
 */
import { expect, test } from "../fixtures";
import { openTicket } from "../records/records";
import { sandboxApi, workspace, type SandboxWorkspace } from "../support";

const q = (tree: unknown) => "1." + Buffer.from(JSON.stringify(tree)).toString("base64url");

async function oldestOfType(ws: SandboxWorkspace, name: string, count: number): Promise<string[]> {
  const types = await sandboxApi<{ data: { id: string; name: string }[] }>(ws, "GET", "/ticket_types");
  const type = types.data.find((t) => t.name === name)!.id;
  const found = await sandboxApi<{ tickets: { id: string }[] }>(ws, "POST", "/tickets/search", {
    query: {
      operator: "AND",
      value: [
        { field: "open", operator: "=", value: true },
        { field: "ticket_type_id", operator: "=", value: type },
      ],
    },
    pagination: { per_page: 150 },
  });
  return found.tickets.slice(-count - 5, -5).map((t) => t.id);
}

for (const theme of ["light", "dark"] as const) {
  for (const width of [1024, 1366, 1920]) {
    test(`per-type states and unsnooze at ${width}px, ${theme}`, async ({ page }, info) => {
      const us = await workspace("Northwind Support");
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height: 900 });
      const shot = (name: string) => page.screenshot({ path: info.outputPath(`${name}-${width}-${theme}.png`) });
      const ids = [
        ...(await oldestOfType(us, "Bug report", 3)),
        ...(await oldestOfType(us, "Feature request", 2)),
        ...(await oldestOfType(us, "Refund approval", 2)),
      ];

      await page.goto(`/w/${us.id_code}/tickets?q=${q(["&", ["id", "IN", ids]])}`);
      await expect(page.getByRole("table", { name: /Matching/ }).locator("tbody tr")).toHaveCount(ids.length);
      await page.getByRole("checkbox", { name: "Select all on this page" }).click();
      await page.getByRole("button", { name: "Bulk action…" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Action").selectOption({ label: "Set state" });
      await dialog.getByLabel("New state").selectOption({ label: "Resolved" });
      await shot("set-state-form");
      await dialog.getByRole("button", { name: "Preview" }).click();
      await expect(dialog.getByRole("table", { name: "State per ticket type" })).toBeVisible();
      await dialog.getByRole("region", { name: "Cannot take this action" }).locator("summary").first().click();
      await shot("set-state-preview");
      await dialog.getByRole("button", { name: "Back" }).click();
      await dialog.getByLabel("Action").selectOption({ label: "Change type" });
      await dialog.getByLabel("New type").selectOption({ label: "Billing question (Customer)" });
      await dialog.getByRole("button", { name: "Preview" }).click();
      await expect(dialog.getByRole("table", { name: "New state per ticket type" })).toBeVisible();
      await shot("change-type-preview");
      await page.keyboard.press("Escape");

      const t = await openTicket(us, "Customer", theme === "light" ? 24 : 25);
      const me = await sandboxApi<{ id: string }>(us, "GET", "/me");
      await sandboxApi(us, "PUT", `/tickets/${t.id}`, {
        admin_id: me.id,
        snoozed_until: Math.floor(Date.now() / 1000) + 86_400,
      });
      await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
      await expect(page.getByRole("button", { name: "Unsnooze" })).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await shot("ticket-snoozed");
    });
  }
}
