/** The segments list, a segment and a contact in light and dark themes, saved for a person to look at. */
import { expect, test } from "../fixtures";
import { sandboxApi, workspace } from "../support";

for (const theme of ["light", "dark"] as const) {
  test(`segments, a segment and a contact in the ${theme} theme`, async ({ page }, info) => {
    const us = await workspace("Northwind Support");
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 1400, height: 1000 });
    const { segments } = await sandboxApi<{ segments: { id: string; name: string }[] }>(us, "GET", "/segments");
    const vip = segments.find((s) => s.name === "VIP customers")!;
    const members = await sandboxApi<{ data: { id: string }[] }>(us, "POST", "/contacts/search", {
      query: { field: "segment_id", operator: "=", value: vip.id },
    });
    for (const [name, path, ready] of [
      ["segments", `/w/${us.id_code}/segments`, page.getByRole("table")],
      ["segment", `/w/${us.id_code}/segments/${vip.id}`, page.getByRole("table", { name: /Matching/ })],
      ["contact", `/w/${us.id_code}/contacts/${members.data[0].id}`, page.getByRole("region", { name: "Segments" })],
    ] as const) {
      await page.goto(path);
      await expect(ready).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: info.outputPath(`${name}-${theme}.png`), fullPage: true });
    }
  });
}
