import { expect, test as setup } from "@playwright/test";
import { signInTo, workspace } from "../support";

/** The 2.14 dashboard's own sign-in, through the shared sandbox's OAuth page. */
setup("sign in to the dashboard speaking Intercom API 2.14", async ({ page }) => {
  const us = await workspace("Northwind Support");
  expect(await signInTo(page, us.name)).toBe(us.id_code);
  await page.context().storageState({ path: "tests/e2e/.auth/lead-2-14.json" });
});
