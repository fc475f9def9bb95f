/** Bulk triage as a lead sees it, light and dark: a selection, the preview, a job and the Jobs page. */
import { expect, test } from "../fixtures";
import { pick } from "../records/records";
import { sandboxApi, workspace } from "../support";

for (const theme of ["light", "dark"] as const) {
  test(`bulk triage screens in the ${theme} theme`, async ({ page }, info) => {
    const us = await workspace("Northwind Support");
    const tags = (await sandboxApi<{ data: { id: string; name: string }[] }>(us, "GET", "/tags")).data;
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 1400, height: 1000 });
    const shot = (name: string) => page.screenshot({ path: info.outputPath(`${name}-${theme}.png`) });

    await page.goto(`/w/${us.id_code}/tickets`);
    const boxes = page.getByRole("table", { name: /Matching/ }).getByRole("checkbox", { name: /^Select ticket #/ });
    await boxes.nth(theme === "light" ? 3 : 8).click();
    await boxes.nth(theme === "light" ? 6 : 11).click({ modifiers: ["Shift"] });
    await expect(page.getByRole("region", { name: "Selection" })).toContainText("4 tickets selected");
    await shot("selection");

    await page.getByRole("button", { name: "Bulk action…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Action").selectOption({ label: "Add a tag" });
    await pick(page, "Tag", tags[theme === "light" ? 6 : 7].name);
    await dialog.getByRole("button", { name: "Preview" }).click();
    await expect(dialog.getByRole("heading", { name: /^Preview:/ })).toBeVisible();
    await shot("preview");
    await dialog.getByRole("button", { name: /^Run on/ }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
    await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot("job");
    await page.goto(`/w/${us.id_code}/jobs`);
    await expect(page.getByRole("table")).toBeVisible();
    await shot("jobs");
  });
}
