/** Both record pages in light and dark themes, saved for a person to look at, and laid out without sideways scrolling. */
import { expect, test } from "../fixtures";
import { workspace } from "../support";
import { conversationBySubject, openTicket } from "./records";

for (const theme of ["light", "dark"] as const) {
  test(`ticket and conversation pages in the ${theme} theme`, async ({ page }, info) => {
    const us = await workspace("Northwind Support");
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 1400, height: 1000 });
    const t = await openTicket(us, "Customer", 10);
    const c = await conversationBySubject(us, "Screenshot of the error attached");
    for (const [name, path] of [
      ["ticket", `/w/${us.id_code}/tickets/${t.id}`],
      ["conversation", `/w/${us.id_code}/conversations/${c.id}`],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: info.outputPath(`${name}-${theme}.png`), fullPage: true });
    }
  });
}
