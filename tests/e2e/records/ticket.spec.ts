import { expect, test } from "../fixtures";
import { SANDBOX_URL, sandboxApi, workspace } from "../support";
import { openTicket, pick, ticket, toast, pressUntil, directory } from "./records";

test("a ticket opened from the list shows its number, type, state and timeline", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const t = await openTicket(us, "Customer", 0);
  await page.goto(`/w/${us.id_code}/tickets`);
  await page.getByRole("link", { name: `#${t.ticket_id}` }).click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${t.id}$`));
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toContainText(`#${t.ticket_id}`);
  await expect(heading).toContainText(String(t.ticket_attributes._default_title_));
  await expect(page.getByText(t.ticket_type.name, { exact: true })).toBeVisible();
  await expect(page.getByLabel("State")).toHaveValue(t.ticket_state.id);
  // The select offers this type's states and no others.
  const offered = await page
    .getByLabel("State")
    .locator("option")
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(offered.toSorted()).toEqual(t.ticket_type.ticket_states.data.map((s) => s.id).toSorted());
  await expect(
    page.getByRole("region", { name: "Ticket timeline" }).getByText(`${t.ticket_parts.ticket_parts.length} entries`),
  ).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`#${t.ticket_id}`));
});

test("state, assignment, sharing, close, reopen, snooze and tags each reach Intercom", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const t = await openTicket(us, "Customer", 1);
  const { admins, teams, tags } = await directory(us);
  await page.goto(`/w/${us.id_code}/tickets/${t.id}`);

  const next = t.ticket_type.ticket_states.data.find((s) => s.id !== t.ticket_state.id)!;
  await page.getByLabel("State").selectOption(next.id);
  await toast(page, "State changed");
  await expect.poll(async () => (await ticket(us, t.id)).ticket_state.id).toBe(next.id);
  await expect(page.getByText(`Previously ${t.ticket_state.internal_label}`)).toBeVisible();

  const admin = admins.find((a) => a.id !== t.admin_assignee_id)!;
  await pick(page, "Assigned teammate", admin.name);
  await expect.poll(async () => (await ticket(us, t.id)).admin_assignee_id).toBe(admin.id);
  const team = teams.find((x) => x.id !== t.team_assignee_id)!;
  await pick(page, "Assigned team", team.name);
  await expect.poll(async () => (await ticket(us, t.id)).team_assignee_id).toBe(team.id);

  await page.getByRole("switch", { name: "Shared with the customer" }).click();
  await expect.poll(async () => (await ticket(us, t.id)).is_shared).toBe(!t.is_shared);

  await page.getByRole("button", { name: "Snooze" }).click();
  await page.getByRole("menuitem", { name: /In 4 hours/ }).click();
  const expected = Date.now() / 1000 + 4 * 3600;
  await expect.poll(async () => Math.abs(((await ticket(us, t.id)).snoozed_until ?? 0) - expected)).toBeLessThan(120);
  await expect(page.getByText(/Snoozed until/).first()).toBeVisible();

  await page.getByRole("button", { name: "Close", exact: true }).click();
  await expect.poll(async () => (await ticket(us, t.id)).open).toBe(false);
  await page.getByRole("button", { name: "Reopen" }).click();
  await expect.poll(async () => (await ticket(us, t.id)).open).toBe(true);

  const tag = tags.find((x) => !(t.tags?.tags ?? []).some((y) => y.id === x.id))!;
  await pick(page, "Add a tag", tag.name);
  await expect(page.getByRole("button", { name: `Remove tag ${tag.name}` })).toBeVisible();
  await expect.poll(async () => ((await ticket(us, t.id)).tags?.tags ?? []).map((x) => x.id)).toContain(tag.id);
  await page.getByRole("button", { name: `Remove tag ${tag.name}` }).click();
  await expect.poll(async () => ((await ticket(us, t.id)).tags?.tags ?? []).map((x) => x.id)).not.toContain(tag.id);

  // The timeline gained the state change and the assignments.
  const timeline = page.getByRole("region", { name: "Ticket timeline" });
  await expect(timeline.getByText(/moved the state|set the state/).last()).toBeVisible();
  await expect(timeline.getByText(`assigned this to ${admin.name}`).last()).toBeVisible();
});

test("attributes are edited in place, by type, and a required one cannot be emptied", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const t = await openTicket(us, "Customer", 2);
  await page.goto(`/w/${us.id_code}/tickets/${t.id}`);

  await page.getByRole("button", { name: "Edit Title" }).click();
  await page.getByRole("textbox", { name: "Title" }).fill("   ");
  await page.getByRole("button", { name: "Save Title" }).click();
  await expect(page.getByText("Title needs a value")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Title" })).toHaveAttribute("aria-invalid", "true");
  expect((await ticket(us, t.id)).ticket_attributes._default_title_).toBe(t.ticket_attributes._default_title_);

  await page.getByRole("textbox", { name: "Title" }).fill("Export stuck at 99 %");
  await page.getByRole("button", { name: "Save Title" }).click();
  await expect
    .poll(async () => (await ticket(us, t.id)).ticket_attributes._default_title_)
    .toBe("Export stuck at 99 %");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Export stuck at 99 %");

  // Every attribute of the type that the API can set, through the input its data type calls for.
  const type = await sandboxApi<{
    ticket_type_attributes: {
      data: {
        name: string;
        data_type: string;
        archived: boolean;
        input_options?: { list_options?: { id: string; label: string; archived?: boolean }[] };
      }[];
    };
  }>(us, "GET", `/ticket_types/${t.ticket_type.id}`);
  const attrs = type.ticket_type_attributes.data.filter((a) => !a.archived && !a.name.startsWith("_default"));
  const integer = attrs.find((a) => a.data_type === "integer");
  if (integer) {
    await page.getByRole("button", { name: `Edit ${integer.name}` }).click();
    await page.getByRole("textbox", { name: integer.name }).fill("twelve");
    await page.getByRole("button", { name: `Save ${integer.name}` }).click();
    await expect(page.getByText(`${integer.name} must be a whole number`)).toBeVisible();
    await page.getByRole("textbox", { name: integer.name }).fill("12");
    await page.getByRole("button", { name: `Save ${integer.name}` }).click();
    await expect.poll(async () => (await ticket(us, t.id)).ticket_attributes[integer.name]).toBe(12);
  }
  const list = attrs.find((a) => a.data_type === "list");
  if (list) {
    const option = list
      .input_options!.list_options!.filter((o) => !o.archived && o.id !== t.ticket_attributes[list.name])
      .at(-1)!;
    await page.getByRole("button", { name: `Edit ${list.name}` }).click();
    await page.getByRole("combobox", { name: list.name }).selectOption({ label: option.label });
    await page.getByRole("button", { name: `Save ${list.name}` }).click();
    await expect.poll(async () => (await ticket(us, t.id)).ticket_attributes[list.name]).toBe(option.id);
    await expect(page.getByText(option.label, { exact: true })).toBeVisible();
  }
  const bool = attrs.find((a) => a.data_type === "boolean");
  if (bool) {
    const before = t.ticket_attributes[bool.name] === true;
    await page.getByRole("switch", { name: bool.name }).click();
    await expect.poll(async () => (await ticket(us, t.id)).ticket_attributes[bool.name]).toBe(!before);
  }
  expect(integer ?? list ?? bool, "the type should have typed attributes").toBeTruthy();
});

test("a reply and a note, with a preview, appear in the timeline; Back-office tickets take notes only", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  const t = await openTicket(us, "Customer", 3);
  await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
  const box = page.getByRole("region", { name: "Reply or note" });

  await box.getByRole("button", { name: "Send reply" }).click();
  await expect(box.getByText("Write a message first")).toBeVisible();

  await box.getByRole("textbox").fill("Thanks for your patience.\n\nA fix ships <b>today</b>.");
  await box.getByRole("button", { name: "Preview" }).click();
  await expect(box.getByText("A fix ships <b>today</b>.")).toBeVisible();
  await box.getByRole("button", { name: "Send reply" }).click();
  await toast(page, "Reply sent");
  const timeline = page.getByRole("region", { name: "Ticket timeline" });
  await expect(timeline.getByText("A fix ships <b>today</b>.")).toBeVisible();
  await expect
    .poll(async () => (await ticket(us, t.id)).ticket_parts.ticket_parts.at(-1))
    .toMatchObject({
      part_type: "comment",
      body: "<p>Thanks for your patience.</p><p>A fix ships &lt;b&gt;today&lt;/b&gt;.</p>",
    });

  await box.getByRole("tab", { name: "Note" }).click();
  await box.getByRole("textbox", { name: "Internal note" }).fill("Customer is on the enterprise plan");
  await box.getByRole("button", { name: "Add note" }).click();
  await expect(timeline.getByRole("article", { name: /^Note from/ }).last()).toContainText(
    "Customer is on the enterprise plan",
  );
  await expect.poll(async () => (await ticket(us, t.id)).ticket_parts.ticket_parts.at(-1)?.part_type).toBe("note");

  const internal = await openTicket(us, "Back-office", 0);
  await page.goto(`/w/${us.id_code}/tickets/${internal.id}`);
  await expect(page.getByRole("tab", { name: "Reply" })).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByRole("tab", { name: "Note" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByText(/Back-office and Tracker tickets are internal/)).toBeVisible();
});

test("deleting asks for the ticket number typed, says it cannot be undone, and removes it", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const t = await openTicket(us, "Tracker", 0);
  await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("menuitem", { name: "Delete ticket…" }).click();
  const dialog = page.getByRole("dialog", { name: `Delete ticket #${t.ticket_id}?` });
  await expect(dialog.getByText("This cannot be undone.")).toBeVisible();
  const confirm = dialog.getByRole("button", { name: "Delete ticket" });
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/to confirm/).fill(`${t.ticket_id}0`);
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/to confirm/).fill(t.ticket_id);
  await confirm.click();
  await page.waitForURL(new RegExp(`/w/${us.id_code}/tickets$`));
  await toast(page, `Ticket #${t.ticket_id} was deleted`);
  await expect(ticket(us, t.id)).rejects.toThrow(/answered 404/);

  // Its page is now a 404.
  await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
  await expect(page.getByRole("heading", { name: "This ticket was not found" })).toBeVisible();
});

test("keyboard: R, N, A, C, S and ?, never while typing", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const t = await openTicket(us, "Customer", 4);
  await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await pressUntil(page, "?", help);
  for (const label of [
    "Reply to the customer",
    "Add an internal note",
    "Assign to a teammate",
    "Close the ticket",
    "Snooze",
  ])
    await expect(help.getByText(label)).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  await page.keyboard.press("n");
  await expect(page.getByRole("textbox", { name: "Internal note" })).toBeFocused();
  // Typing "c" in the note is text, not a shortcut.
  await page.keyboard.type("check cache");
  await expect(page.getByRole("textbox", { name: "Internal note" })).toHaveValue("check cache");
  expect((await ticket(us, t.id)).open).toBe(true);
  await page.getByRole("textbox", { name: "Internal note" }).blur();

  await page.keyboard.press("r");
  await expect(page.getByRole("tab", { name: "Reply" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("textbox", { name: /^Reply to/ })).toBeFocused();
  await page.getByRole("textbox", { name: /^Reply to/ }).blur();

  await page.keyboard.press("a");
  await expect(page.getByRole("listbox", { name: "Assigned teammate" })).toBeVisible();
  await page.keyboard.press("Escape");

  await page.keyboard.press("s");
  await expect(page.getByRole("menuitem", { name: /In 1 hour/ })).toBeVisible();
  await page.keyboard.press("Escape");

  await page.keyboard.press("c");
  await expect.poll(async () => (await ticket(us, t.id)).open).toBe(false);
  await expect(page.getByRole("button", { name: "Reopen" })).toBeVisible();
});

test("a missing ticket is a 404 page; the API refuses forged actions with field errors and no change", async ({
  page,
  baseURL,
}) => {
  const us = await workspace("Northwind Support");
  // The page streams behind its skeleton, so the 404 is in the page (and marked noindex), not the status line.
  await page.goto(`/w/${us.id_code}/tickets/987654321`);
  await expect(page.getByRole("heading", { name: "This ticket was not found" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Back to tickets" })).toBeVisible();
  await expect(page.locator('meta[name="robots"][content*="noindex"]').first()).toBeAttached();

  const t = await openTicket(us, "Customer", 5);
  const types = await sandboxApi<{ data: { id: string; ticket_states: { data: { id: string }[] } }[] }>(
    us,
    "GET",
    "/ticket_types",
  );
  const foreign = types.data
    .flatMap((x) => x.ticket_states.data)
    .find((s) => !t.ticket_type.ticket_states.data.some((y) => y.id === s.id))!;
  const url = `/api/w/${us.id_code}/tickets/${t.id}/actions`;
  const forged = await page.request.post(url, {
    data: { type: "set_state", states: { [t.ticket_type.id]: foreign.id } },
    headers: { Origin: baseURL! },
  });
  expect(forged.status()).toBe(400);
  const body = (await forged.json()) as { error: { code: string; fields: Record<string, string> } };
  expect(body.error.code).toBe("invalid_input");
  expect(body.error.fields[`states.${t.ticket_type.id}`]).toMatch(/not one of/);
  const malformed = await page.request.post(url, {
    data: { type: "set_state", states: { [t.ticket_type.id]: "<script>" } },
    headers: { Origin: baseURL! },
  });
  expect(malformed.status()).toBe(400);
  const crossSite = await page.request.post(url, {
    data: { type: "close" },
    headers: { Origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  const after = await ticket(us, t.id);
  expect([after.ticket_state.id, after.open]).toEqual([t.ticket_state.id, true]);

  const missing = await page.request.get(`/api/w/${us.id_code}/tickets/987654321`);
  expect(missing.status()).toBe(404);
  expect(((await missing.json()) as { error: { message: string } }).error.message).toMatch(/not found/i);
});

const sandboxFaults = (body: unknown) =>
  fetch(`${SANDBOX_URL}/sandbox/faults`, {
    method: body === null ? "DELETE" : "POST",
    headers: { "Content-Type": "application/json" },
    body: body === null ? undefined : JSON.stringify(body),
  });

test("a snoozed ticket is unsnoozed from its page", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const t = await openTicket(us, "Customer", 22);
  const me = await sandboxApi<{ id: string }>(us, "GET", "/me");
  const until = Math.floor(Date.now() / 1000) + 86_400;
  await sandboxApi(us, "PUT", `/tickets/${t.id}`, { admin_id: me.id, snoozed_until: until });
  await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
  await expect(page.getByText(/Snoozed until/).first()).toBeVisible();
  await page.getByRole("button", { name: "Unsnooze" }).click();
  await toast(page, "Unsnoozed");
  await expect.poll(async () => (await ticket(us, t.id)).snoozed_until).toBeNull();
  const after = await ticket(us, t.id);
  expect([after.open, after.ticket_state.id, after.admin_assignee_id, after.is_shared]).toEqual([
    true,
    t.ticket_state.id,
    t.admin_assignee_id,
    t.is_shared,
  ]);
  await expect(page.getByRole("button", { name: "Unsnooze" })).toHaveCount(0);
});

test("a failed state change says what failed, Intercom's words, and what the page shows again", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const t = await openTicket(us, "Customer", 23);
  const next = t.ticket_type.ticket_states.data.find((s) => s.id !== t.ticket_state.id)!;
  await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
  await expect(page.getByLabel("State")).toHaveValue(t.ticket_state.id);
  await sandboxFaults({ fail_next: [{ method: "PUT", path: `/tickets/${t.id}`, status: 500 }] });
  try {
    await page.getByLabel("State").selectOption(next.id);
    await toast(
      page,
      `Couldn't set the state to ${next.internal_label}: Intercom answered 500: Server Error. The ticket is back in ${t.ticket_state.internal_label}.`,
    );
  } finally {
    await sandboxFaults(null);
  }
  await expect(page.getByLabel("State")).toHaveValue(t.ticket_state.id);
  const after = await ticket(us, t.id);
  expect([after.ticket_state.id, after.open, after.is_shared]).toEqual([t.ticket_state.id, t.open, t.is_shared]);
});
