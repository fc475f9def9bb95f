import { expect, test } from "../fixtures";
import { sandboxApi, workspace } from "../support";
import { firstColumn, pickField, pickValues, runSearch } from "./builder";

interface ConversationList {
  conversations: { id: string; title: string | null; source: { subject: string | null } }[];
  total_count: number;
}

test("save a view, find it after a reload, rename it and delete it", async ({ page }) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}/conversations`);
  await page.getByRole("button", { name: "Add filter", exact: true }).click();
  await pickField(page, "Filter 2", "Priority");
  // Under 2.16 priority is a level: any level but none is what "priority" meant before.
  await pickValues(page, "Filter 2", "Any level but none");
  await runSearch(page);
  const truth = await sandboxApi<ConversationList>(us, "POST", "/conversations/search", {
    query: {
      operator: "AND",
      value: [
        { field: "open", operator: "=", value: true },
        { field: "priority", operator: "=", value: "priority" },
      ],
    },
    pagination: { per_page: 20 },
  });
  await expect(page.getByRole("heading", { name: `${truth.total_count} conversations` })).toBeVisible();

  await page.getByRole("button", { name: "Save view" }).click();
  await page.getByRole("button", { name: "Save view", exact: true }).last().click();
  await expect(page.getByText("Give the view a name")).toBeVisible();
  await page.getByRole("textbox", { name: "Name" }).fill("Urgent open chats");
  await page.getByRole("switch", { name: "Share with everyone in this workspace" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Save view" }).click();
  await expect(page.getByRole("heading", { name: "Urgent open chats" })).toBeVisible();

  await page.reload();
  const link = page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: /Urgent open chats/ });
  await expect(link).toBeVisible();
  await page.goto(`/w/${us.id_code}`);
  await link.click();
  await expect(page.getByRole("heading", { name: `${truth.total_count} conversations` })).toBeVisible();

  await page.getByRole("button", { name: "Actions for view Urgent open chats" }).click();
  await page.getByRole("menuitem", { name: "Rename" }).click();
  await page.getByRole("textbox", { name: "Name" }).fill("Priority queue");
  await page.getByRole("dialog").getByRole("button", { name: "Rename" }).click();
  await expect(
    page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: /Priority queue/ }),
  ).toBeVisible();

  await page.getByRole("button", { name: "Actions for view Priority queue" }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Delete view" }).click();
  await expect(
    page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: /Priority queue/ }),
  ).toHaveCount(0);
});

test("a view's name refuses control characters beside the field and drops invisible ones", async ({
  page,
  baseURL,
}) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}/tickets`);
  await page.getByRole("button", { name: "Save view" }).click();
  const name = page.getByRole("dialog").getByRole("textbox", { name: "Name" });
  await name.fill("Weekly\u0007 review");
  await page.getByRole("dialog").getByRole("button", { name: "Save view" }).click();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveAccessibleDescription("Names cannot contain control characters such as tabs or line breaks");

  // Bidi overrides and zero-width characters are dropped: the name is saved as it reads.
  await name.fill("\u202eWeekly\u200b review\u2066");
  await page.getByRole("dialog").getByRole("button", { name: "Save view" }).click();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  const { views } = (await (await page.request.get(`/api/w/${us.id_code}/views`)).json()) as {
    views: { id: string; name: string }[];
  };
  const saved = views.filter((v) => v.name.includes("Weekly"));
  expect(saved.map((v) => v.name)).toEqual(["Weekly review"]);
  await expect(
    page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: /^Weekly review/ }),
  ).toBeVisible();
  expect(
    (
      await page.request.delete(`/api/w/${us.id_code}/views/${saved[0].id}`, { headers: { origin: baseURL! } })
    ).status(),
  ).toBe(200);
});

test("the seeded default views are there and run their searches", async ({ page }) => {
  const us = await workspace("Northwind Support");
  await page.goto(`/w/${us.id_code}`);
  const nav = page.getByRole("navigation", { name: "Sections" });
  for (const name of [
    "Open tickets assigned to me",
    "Unassigned open tickets",
    "Waiting on customer for 3+ days",
    "Open priority conversations",
  ]) {
    await expect(nav.getByRole("link", { name: new RegExp(name.replace(/[+]/g, "\\+")) })).toBeVisible();
  }
  await nav.getByRole("link", { name: /Unassigned open tickets/ }).click();
  const truth = await sandboxApi<{ tickets: { ticket_id: string }[]; total_count: number }>(
    us,
    "POST",
    "/tickets/search",
    {
      query: {
        operator: "AND",
        value: [
          { field: "open", operator: "=", value: true },
          { field: "admin_assignee_id", operator: "=", value: "0" },
        ],
      },
      pagination: { per_page: 20 },
    },
  );
  await expect(page.getByRole("heading", { name: `${truth.total_count} tickets` })).toBeVisible();
  await expect.poll(() => firstColumn(page)).toEqual(truth.tickets.map((t) => `#${t.ticket_id}`));
});
