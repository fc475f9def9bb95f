/** Sign-in and Active sessions at three widths in both themes, saved for a person to look at. */
import { expect, test } from "../fixtures";
import { workspace } from "../support";

for (const theme of ["light", "dark"] as const) {
  test(`sign-in and active sessions in the ${theme} theme`, async ({ page, browser }, info) => {
    const us = await workspace("Northwind Support");
    await page.emulateMedia({ colorScheme: theme });
    const signedOut = await browser.newContext({ storageState: { cookies: [], origins: [] }, colorScheme: theme });
    const signIn = await signedOut.newPage();
    for (const width of [1024, 1366, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/w/${us.id_code}/sessions`);
      await expect(
        page.getByRole("list", { name: "Sessions" }).getByRole("listitem", { name: /this browser/ }),
      ).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: info.outputPath(`sessions-${width}-${theme}.png`), fullPage: true });

      await signIn.setViewportSize({ width, height: 900 });
      await signIn.goto("/signin?error=expired");
      await expect(signIn.getByRole("alert").filter({ hasText: "Your session ended" })).toBeVisible();
      expect(await signIn.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await signIn.screenshot({ path: info.outputPath(`signin-${width}-${theme}.png`), fullPage: true });
    }
    await signedOut.close();
  });
}
