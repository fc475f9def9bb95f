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

    // The two forms, filled in part, as a lead sees them before committing.
    await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
    await page.getByRole("button", { name: "More actions" }).click();
    await page.getByRole("menuitem", { name: "Change type…" }).click();
    const change = page.getByRole("dialog", { name: /Change the type/ });
    await change.locator("input[type=radio]:not([disabled])").first().check();
    await expect(change.getByRole("listitem").first()).toBeVisible();
    await page.screenshot({ path: info.outputPath(`change-type-${theme}.png`) });
    await page.keyboard.press("Escape");
    await page.goto(`/w/${us.id_code}/conversations/${c.id}`);
    await page.getByRole("button", { name: "Convert to ticket" }).click();
    const convert = page.getByRole("dialog", { name: "Convert to a ticket" });
    await convert.getByRole("radio", { name: /Billing question/ }).check();
    await page.screenshot({ path: info.outputPath(`convert-${theme}.png`) });
  });
}
