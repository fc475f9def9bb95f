import { expect, test as setup } from "@playwright/test";
import { signInTo, workspace } from "./support";

/** Sign in once, through the real OAuth flow, and keep the session for every other test. */
setup("sign in through the sandbox's OAuth page", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const landed = await signInTo(page, us.name);
  expect(landed).toBe(us.id_code);
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await page.context().storageState({ path: "tests/e2e/.auth/lead.json" });
});
