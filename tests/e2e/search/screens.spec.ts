/**
 * The search screen's problems and notes as a lead sees them, at three widths in both themes,
 * saved for a person to look at and laid out without sideways scrolling: the JSON panel's
 * error, the save-view dialog saying the builder differs from the last search, a refused search.
 */
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { SANDBOX_URL, workspace } from "../support";
import { pickOperator, runSearch } from "./builder";

const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test.afterEach(async () => {
  await fetch(`${SANDBOX_URL}/sandbox/faults`, { method: "DELETE" });
});

for (const theme of ["light", "dark"] as const) {
  for (const width of [1024, 1366, 1920]) {
    test(`search problems and notes at ${width} px in the ${theme} theme`, async ({ page }, info) => {
      const us = await workspace("Northwind Support");
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height: 900 });
      const shot = (name: string) => page.screenshot({ path: info.outputPath(`${name}-${width}-${theme}.png`) });
      await page.goto(`/w/${us.id_code}/tickets`);
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
      await pickOperator(page, "Filter 1", "is not");
      await expect(page.getByText(/matches \(not searched yet\)/)).toBeVisible();

      await page.getByRole("button", { name: "JSON" }).click();
      const json = page.getByRole("dialog", { name: "Search as JSON" });
      await json.getByRole("textbox", { name: "Query JSON" }).fill('{"field": "open", ');
      await json.getByRole("button", { name: "Apply to builder" }).click();
      await expect(json.getByRole("alert")).toBeVisible();
      await shot("json-error");
      await page.keyboard.press("Escape");

      await page.getByRole("button", { name: "Save view" }).click();
      const save = page.getByRole("dialog", { name: "Save this view" });
      await expect(save.getByRole("note")).toContainText("differs from the last search run");
      await expect(save.getByRole("textbox", { name: "Name" })).toBeVisible();
      await shot("save-view-differs");
      await page.keyboard.press("Escape");

      await fetch(`${SANDBOX_URL}/sandbox/faults`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ fail_next: [{ method: "POST", path: "/tickets/search", status: 400 }] }),
      });
      await runSearch(page);
      await expect(page.getByRole("alert").filter({ hasText: "Intercom refused this search:" })).toBeVisible();
      expect(await fitsWidth(page)).toBe(true);
      await page.screenshot({ path: info.outputPath(`refused-${width}-${theme}.png`), fullPage: true });
    });
  }
}
