import { expect, test } from "../fixtures";
import { approveOnSandbox, signInTo, workspace } from "../support";

test.use({ storageState: { cookies: [], origins: [] } });

test("signing out ends the session", async ({ page }) => {
  const us = await workspace("Northwind Support");
  await signInTo(page, us.name);
  await page.getByRole("button", { name: /Signed in as/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await page.goto(`/w/${us.id_code}`);
  await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent(`/w/${us.id_code}`)}`);
  const api = await page.request.get(`/api/w/${us.id_code}/overview`);
  expect(api.status()).toBe(401);
});

test("an admin whose email Intercom has not verified is refused", async ({ page }) => {
  const us = await workspace("Northwind Support");
  await page.goto("/signin");
  await page.getByRole("button", { name: `Sign in to ${us.name}` }).click();
  await approveOnSandbox(page, /Riley Quinn/);
  await expect(page).toHaveURL(/\/signin\?error=unverified/);
  await expect(page.getByRole("alert").filter({ hasText: "has not verified this teammate's email" })).toBeVisible();
  await page.goto(`/w/${us.id_code}`);
  await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent(`/w/${us.id_code}`)}`);
});

test("cancelling on Intercom's page comes back with a message", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in to Fjord Analytics" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/signin\?.*error=/);
  await expect(page.getByRole("alert").filter({ hasText: /cancelled|did not complete/ })).toBeVisible();
});
