/**
 * The dashboard speaking Intercom API 2.14 (a third server on the same sandbox): what 2.14
 * lacks is left out with the reason (Change type on the ticket page and in the bulk dialog),
 * priority is on or off, and a search, a state change and a bulk job work, each checked in
 * the sandbox.
 */
import { expect, test } from "../fixtures";
import { conversationIn, runTagJob, ticket, toast } from "../records/records";
import { sandboxApi, workspace, type SandboxWorkspace } from "../support";

const q = (tree: unknown) => "1." + Buffer.from(JSON.stringify(tree)).toString("base64url");
const REASON = "Changing a ticket's type needs Intercom API 2.16 or later; this workspace uses 2.14";

interface SandboxType {
  id: string;
  name: string;
  ticket_states: { data: { id: string; category: string }[] };
}
const typeNamed = async (ws: SandboxWorkspace, name: string) =>
  (await sandboxApi<{ data: SandboxType[] }>(ws, "GET", "/ticket_types")).data.find((t) => t.name === name)!;
const tagsOf = async (ws: SandboxWorkspace, id: string) =>
  (await sandboxApi<{ tags?: { tags: { id: string }[] } }>(ws, "GET", `/tickets/${id}`)).tags?.tags.map((t) => t.id) ??
  [];

test("under 2.14: Change type is left out with the reason; search, a state change, a bulk job and priority work", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  const feature = await typeNamed(us, "Feature request");

  // The settings page names the version and what it leaves out.
  await page.goto(`/w/${us.id_code}/settings`);
  await expect(page.getByRole("region", { name: "Connection" }).getByText("2.14", { exact: true })).toBeVisible();
  await expect(
    page.getByRole("region", { name: "What this version offers" }).getByRole("listitem").filter({ hasText: REASON }),
  ).toBeVisible();

  // Search: open Feature requests, as the builder's URL carries them.
  const search = `/w/${us.id_code}/tickets?q=${q(["&", ["open", "=", true], ["ticket_type_id", "=", feature.id]])}`;
  await page.goto(search);
  const table = page.getByRole("table", { name: /Matching/ });
  const boxes = table.getByRole("checkbox", { name: /^Select ticket #/ });
  await expect(boxes.nth(12)).toBeVisible();
  const idOf = async (i: number) =>
    (await table
      .getByRole("row")
      .nth(i + 1)
      .getByRole("link")
      .first()
      .getAttribute("href"))!
      .split("/")
      .at(-1)!;

  // The bulk dialog offers no Change type, and says why; a tag job on two rows works.
  const tag = (await sandboxApi<{ data: { id: string; name: string }[] }>(us, "GET", "/tags")).data.at(-2)!;
  const chosen = [await idOf(10), await idOf(11)];
  const before = await Promise.all(chosen.map((id) => tagsOf(us, id)));
  await boxes.nth(10).check();
  await boxes.nth(11).check();
  await page.getByRole("region", { name: "Selection" }).getByRole("button", { name: "Bulk action…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Action").locator("option", { hasText: "Change type" })).toHaveCount(0);
  await expect(dialog.getByText(REASON)).toBeVisible();
  await runTagJob(page, dialog, tag.name);
  for (const [i, id] of chosen.entries())
    expect((await tagsOf(us, id)).sort()).toEqual([...new Set([...before[i], tag.id])].sort());

  // A ticket from the search: its menu says why there is no Change type; its state changes.
  await page.goto(search);
  const id = await idOf(12);
  await table.getByRole("row").nth(13).getByRole("link").first().click();
  await page.waitForURL(new RegExp(`/tickets/${id}$`));
  await page.getByRole("button", { name: "More actions" }).click();
  await expect(page.getByRole("menu").getByText(REASON)).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Change type…" })).toHaveCount(0);
  await page.keyboard.press("Escape");
  const t = await ticket(us, id);
  const next = feature.ticket_states.data.find((s) => s.id !== t.ticket_state.id && s.category !== "resolved")!;
  await page.getByLabel("State").selectOption(next.id);
  await toast(page, "State changed");
  await expect.poll(async () => (await ticket(us, id)).ticket_state.id).toBe(next.id);
  expect((await ticket(us, id)).ticket_type.id).toBe(feature.id);

  // Priority is on or off: the flag as 2.14 writes it.
  const c = await conversationIn(us, "open", 30);
  const flag = async () =>
    (await sandboxApi<{ priority: string }>(us, "GET", `/conversations/${c.id}`, undefined, "2.14")).priority;
  const was = await flag();
  await page.goto(`/w/${us.id_code}/conversations/${c.id}`);
  const star = page.getByRole("button", { name: "Priority", exact: true });
  await expect(star).toHaveAttribute("aria-pressed", String(was === "priority"));
  await star.click();
  await toast(page, was === "priority" ? "Priority removed" : "Marked as priority");
  await expect.poll(flag).toBe(was === "priority" ? "not_priority" : "priority");
});
