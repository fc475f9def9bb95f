/** The workspace settings page: reached from the account menu, it names the region and the Intercom version, and what that version turns on or off. */
import { expect, test } from "../fixtures";
import { workspace } from "../support";

for (const theme of ["light", "dark"] as const) {
  test(`workspace settings at three widths in the ${theme} theme`, async ({ page }, info) => {
    const us = await workspace("Northwind Support");
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(`/w/${us.id_code}`);
    await page.getByRole("button", { name: /account menu/i }).click();
    await page.getByRole("menuitem", { name: "Workspace settings" }).click();
    await expect(page).toHaveURL(new RegExp(`/w/${us.id_code}/settings$`));
    await expect(page.getByRole("heading", { level: 1, name: "Workspace settings" })).toBeVisible();
    const connection = page.getByRole("region", { name: "Connection" });
    await expect(connection.getByText("United States (US)")).toBeVisible();
    await expect(connection.getByText("2.16", { exact: true })).toBeVisible();
    const features = page.getByRole("region", { name: "What this version offers" });
    const row = (label: string) => features.getByRole("listitem").filter({ hasText: label });
    await expect(row("Change a ticket's type")).toContainText("On");
    await expect(row("Conversation priority levels")).toContainText("On");
    await expect(row("Search by conversation custom attributes")).toContainText(
      "Conversation attributes can't be listed with Intercom API 2.16",
    );
    await expect(row("Search by conversation custom attributes").getByText("Off", { exact: true })).toBeVisible();
    for (const width of [1024, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: info.outputPath(`settings-${width}-${theme}.png`), fullPage: true });
    }
  });
}
