import { expect, test } from "../fixtures";
import { sandboxApi, workspace } from "../support";

interface Search {
  total_count: number;
}

test("a signed-in lead lands on the overview, with counts that match Intercom", async ({ page }) => {
  const us = await workspace("Northwind Support");
  await page.goto("/");
  await expect(page).toHaveURL(new RegExp(`/w/${us.id_code}$`));
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  const openTickets = await sandboxApi<Search>(us, "POST", "/tickets/search", {
    query: { field: "open", operator: "=", value: true },
    pagination: { per_page: 1 },
  });
  const openConversations = await sandboxApi<Search>(us, "POST", "/conversations/search", {
    query: { field: "open", operator: "=", value: true },
    pagination: { per_page: 1 },
  });
  await expect(page.getByRole("link", { name: String(openTickets.total_count) }).first()).toBeVisible();
  await expect(page.getByText("Open conversations", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: String(openConversations.total_count) }).first()).toBeVisible();

  const segments = await sandboxApi<{ segments: { name: string; count: number }[] }>(
    us,
    "GET",
    "/segments?include_count=true",
  );
  for (const s of segments.segments.slice(0, 3)) {
    const row = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: s.name }) });
    await expect(row).toContainText(String(s.count));
  }
  await expect(page.getByRole("img", { name: /Bar chart/ })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Sections" });
  for (const section of ["Overview", "Tickets", "Conversations", "Contacts", "Segments", "Jobs"])
    await expect(nav.getByRole("link", { name: section, exact: true })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Overview", exact: true })).toHaveAttribute("aria-current", "page");
});

test("the shell shows the workspace, its region and the signed-in admin, and switches themes", async ({ page }) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}`);
  const switcher = page.getByRole("button", { name: /Workspace: Northwind Support/ });
  await expect(switcher).toContainText("US");
  const account = page.getByRole("button", { name: /Signed in as Morgan Avery/ });
  await account.click();
  await page.getByRole("menuitemradio", { name: "Dark" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await account.click();
  await page.getByRole("menuitemradio", { name: "Light" }).click();
  await expect(page.locator("html")).not.toHaveClass(/dark/);
});

test("a workspace the session does not own is a 404 page", async ({ page }) => {
  const res = await page.goto("/w/notmine1");
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
