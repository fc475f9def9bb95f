/**
 * The menus whose code loads after the page's own, opened, at three widths in both themes:
 * saved for a person to look at. Each placeholder is the size of what replaces it, so the
 * page does not move when the menu arrives; and a menu opens on the first click once shown.
 */
import { expect, test } from "../fixtures";
import { workspace } from "../support";
import { openTicket } from "../records/records";

test("each shell menu's placeholder is the size of the menu's trigger, so nothing moves when it arrives", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  await page.setViewportSize({ width: 1366, height: 900 });
  const url = `/w/${us.id_code}/tickets`;
  // The two menus' code is held back until their placeholders have been measured.
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/_next\/static\/chunks\/.+\.js/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    if (/Switch workspace|Account menu/.test(body)) await held;
    await route.fulfill({ response, body });
  });
  // The load event would wait for the held chunks.
  await page.goto(url, { waitUntil: "domcontentloaded" });
  const sidebar = page.getByRole("complementary");
  const placeholders = sidebar.locator(".animate-pulse");
  await expect(placeholders).toHaveCount(2);
  // Measured once laid out with the page's styles (as first painted), not mid-load.
  let boxes: number[][] = [];
  await expect
    .poll(async () => {
      boxes = await placeholders.evaluateAll((els) =>
        els.map((e) => [e.getBoundingClientRect().y, e.getBoundingClientRect().height]),
      );
      return boxes.length === 2 && boxes.every(([, height]) => height > 0);
    })
    .toBe(true);
  release();
  const switcher = await sidebar.getByRole("button", { name: /^Workspace: Northwind Support/ }).boundingBox();
  const user = await sidebar.getByRole("button", { name: /Account menu/ }).boundingBox();
  expect(boxes).toEqual([
    [switcher?.y, switcher?.height],
    [user?.y, user?.height],
  ]);
});

for (const theme of ["light", "dark"] as const) {
  for (const width of [1024, 1366, 1920]) {
    test(`menus open on the first click, ${theme} at ${width} px`, async ({ page }, info) => {
      const us = await workspace("Northwind Support");
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height: 900 });
      const shot = (name: string) => page.screenshot({ path: info.outputPath(`${name}-${theme}-${width}.png`) });

      await page.goto(`/w/${us.id_code}/tickets`);
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
      await page.getByRole("button", { name: /^Workspace: Northwind Support/ }).click();
      await expect(page.getByRole("menuitemradio", { name: /Northwind Support/ })).toBeVisible();
      await shot("workspace-menu");
      await page.keyboard.press("Escape");

      await page.getByRole("button", { name: /Account menu/ }).click();
      await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
      await shot("account-menu");
      await page.keyboard.press("Escape");

      await page.getByRole("button", { name: "Columns" }).click();
      await expect(page.getByRole("menu")).toBeVisible();
      await shot("columns-menu");
      await page.keyboard.press("Escape");

      const t = await openTicket(us, "Customer", 12);
      await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
      await page.getByRole("button", { name: "More actions" }).click();
      await expect(page.getByRole("menuitem", { name: "Change type…" })).toBeVisible();
      await shot("ticket-more-menu");
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: "Snooze" }).click();
      await expect(page.getByRole("menuitem", { name: "In 1 hour" })).toBeVisible();
      await shot("ticket-snooze-menu");
      await page.keyboard.press("Escape");
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    });
  }
}
