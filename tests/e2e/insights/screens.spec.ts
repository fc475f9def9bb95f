/** Insights at three widths in light and dark themes, split by team, saved for a person to look at. */
import { expect, test } from "../fixtures";
import { workspace } from "../support";

for (const theme of ["light", "dark"] as const) {
  test(`Insights at 1024, 1366 and 1920 px in the ${theme} theme`, async ({ page }, info) => {
    const us = await workspace("Northwind Support");
    await page.emulateMedia({ colorScheme: theme });
    for (const width of [1024, 1366, 1920]) {
      await page.setViewportSize({ width, height: 1000 });
      await page.goto(`/w/${us.id_code}/insights?split=team`);
      // Every chart drawn (the lazy drawing code is in), none waiting.
      await expect(page.getByRole("group", { name: /arrow keys move between the bars|nothing to open/ })).toHaveCount(
        10,
      );
      await expect(
        page.getByRole("region", { name: "Waiting now", exact: true }).getByRole("link").first(),
      ).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: info.outputPath(`insights-${width}-${theme}.png`), fullPage: true });
    }
  });
}
