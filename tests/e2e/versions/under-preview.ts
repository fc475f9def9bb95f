/**
 * The dashboard speaking Intercom API Preview (a second server on the same sandbox): a search,
 * a ticket's state and type changed from its page, and a bulk job, each checked in the sandbox.
 */
import { expect, test } from "../fixtures";
import { runTagJob, ticket, toast } from "../records/records";
import { allTickets, sandboxApi, workspace, type SandboxWorkspace } from "../support";

/** The builder's URL form for a search: a versioned compact tree, base64url. */
const q = (tree: unknown) => "1." + Buffer.from(JSON.stringify(tree)).toString("base64url");

interface SandboxType {
  id: string;
  name: string;
  ticket_states: { data: { id: string; category: string }[] };
  ticket_type_attributes: {
    data: { name: string; input_options?: { list_options?: { id: string; label: string; archived?: boolean }[] } }[];
  };
}
const typeNamed = async (ws: SandboxWorkspace, name: string) =>
  (await sandboxApi<{ data: SandboxType[] }>(ws, "GET", "/ticket_types")).data.find((t) => t.name === name)!;

test("search, a ticket's state and type, and a bulk job under Preview", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const bug = await typeNamed(us, "Bug report");
  const feature = await typeNamed(us, "Feature request");

  // Search: open Bug reports, as the builder's URL carries them.
  const search = `/w/${us.id_code}/tickets?q=${q(["&", ["open", "=", true], ["ticket_type_id", "=", bug.id]])}`;
  await page.goto(search);
  const table = page.getByRole("table", { name: /Matching/ });
  const boxes = table.getByRole("checkbox", { name: /^Select ticket #/ });
  await expect(boxes.first()).toBeVisible();
  const numbers = (await boxes.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""))).map((l) =>
    l.replace(/^Select ticket #/, ""),
  );

  // A bulk job on the last three rows: the workspace's last tag.
  const tag = (await sandboxApi<{ data: { id: string; name: string }[] }>(us, "GET", "/tags")).data.at(-1)!;
  for (const i of [1, 2, 3]) await boxes.nth(numbers.length - i).check();
  await page.getByRole("region", { name: "Selection" }).getByRole("button", { name: "Bulk action…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Action").locator("option", { hasText: "Change type" })).toHaveCount(1);
  await runTagJob(page, dialog, tag.name);
  const bugs = await allTickets<{ ticket_id: string; tags?: { tags: { id: string }[] } }>(us, {
    operator: "AND",
    value: [
      { field: "open", operator: "=", value: true },
      { field: "ticket_type_id", operator: "=", value: bug.id },
    ],
  });
  const tagged = bugs.filter((t) => t.tags?.tags.some((x) => x.id === tag.id)).map((t) => t.ticket_id);
  expect(tagged).toEqual(expect.arrayContaining(numbers.slice(-3)));

  // One ticket from the search: its state, then its type.
  const number = numbers[5];
  await page.goto(search);
  await table.getByRole("link", { name: `#${number}`, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`#${number}`);
  const id = new URL(page.url()).pathname.split("/").at(-1)!;
  const t = await ticket(us, id);
  // Another state that keeps it open.
  const next = bug.ticket_states.data.find((s) => s.id !== t.ticket_state.id && s.category !== "resolved")!;
  await page.getByLabel("State").selectOption(next.id);
  await toast(page, "State changed");
  await expect.poll(async () => (await ticket(us, id)).ticket_state.id).toBe(next.id);

  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("menuitem", { name: "Change type…" }).click();
  const change = page.getByRole("dialog", { name: `Change the type of ticket #${number}` });
  await change.getByRole("radio", { name: /Feature request/ }).check();
  const area = feature.ticket_type_attributes.data
    .find((a) => a.name === "Product area")!
    .input_options!.list_options!.find((o) => !o.archived)!;
  await change
    .getByRole("listitem", { name: "Product area", exact: true })
    .getByRole("combobox", { name: "Product area" })
    .selectOption({ label: area.label });
  await change.getByRole("button", { name: "Change type" }).click();
  await toast(page, `Ticket #${number} is now Feature request`);
  expect((await ticket(us, id)).ticket_type.id).toBe(feature.id);
});
