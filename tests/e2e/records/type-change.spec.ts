import { expect, test } from "../fixtures";
import { sandboxApi, workspace, type SandboxWorkspace } from "../support";
import { conversationIn, ticket, toast, type SandboxTicket } from "./records";

interface SandboxType {
  id: string;
  name: string;
  category: string;
  archived: boolean;
  ticket_states: { data: { id: string; category: string; internal_label: string }[] };
  ticket_type_attributes: {
    data: {
      name: string;
      data_type: string;
      input_options?: { list_options?: { id: string; label: string; archived?: boolean }[] };
    }[];
  };
}

async function typeNamed(ws: SandboxWorkspace, name: string): Promise<SandboxType> {
  const list = await sandboxApi<{ data: SandboxType[] }>(ws, "GET", "/ticket_types");
  return list.data.find((t) => t.name === name)!;
}

async function openTicketOfType(ws: SandboxWorkspace, typeId: string, index: number): Promise<SandboxTicket> {
  const query = {
    operator: "AND",
    value: [
      { field: "open", operator: "=", value: true },
      { field: "ticket_type_id", operator: "=", value: typeId },
    ],
  };
  const list = await sandboxApi<{ tickets: SandboxTicket[] }>(ws, "POST", "/tickets/search", {
    query,
    pagination: { per_page: 20 },
  });
  return list.tickets[index];
}

const setArchived = (ws: SandboxWorkspace, typeId: string, archived: boolean) =>
  sandboxApi(ws, "PUT", `/ticket_types/${typeId}`, { archived });

test("changing a ticket's type previews every attribute, refuses a missing required value, then changes type and state", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  const bug = await typeNamed(us, "Bug report");
  const feature = await typeNamed(us, "Feature request");
  const t = await openTicketOfType(us, bug.id, 0);
  await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("menuitem", { name: "Change type…" }).click();
  const dialog = page.getByRole("dialog", { name: `Change the type of ticket #${t.ticket_id}` });

  // Other categories are listed but cannot be picked, with the reason; archived types are hidden.
  const refund = dialog.getByRole("radio", { name: /Refund approval/ });
  await expect(refund).toBeDisabled();
  await expect(refund).toHaveAccessibleDescription(/Back-office type: a Customer ticket keeps its category/);
  await expect(dialog.getByRole("radio", { name: /Bug report/ })).toBeDisabled();
  await expect(dialog.getByRole("radio", { name: /Legacy complaint/ })).toHaveCount(0);

  await dialog.getByRole("radio", { name: /Feature request/ }).check();
  const expectedState = feature.ticket_states.data.find((s) => s.category === t.ticket_state.category)!;
  await expect(dialog.getByLabel("State")).toHaveValue(expectedState.id);

  const row = (name: string) => dialog.getByRole("listitem", { name, exact: true });
  await expect(row("Title")).toContainText("Carries over");
  await expect(row("Title")).toContainText(String(t.ticket_attributes._default_title_));
  await expect(row("Product area")).toContainText("Needs a value");
  await expect(row("Votes")).toContainText("Starts empty");
  const lost = dialog.getByRole("status").filter({ hasText: "These values will be lost" });
  await expect(lost).toContainText("Severity");
  await expect(lost).toContainText("not on Feature request");

  // Nothing is sent while a required value is missing.
  await dialog.getByRole("button", { name: "Change type" }).click();
  await expect(row("Product area").getByText("Product area needs a value")).toBeVisible();
  expect((await ticket(us, t.id)).ticket_type.id).toBe(bug.id);

  const area = feature.ticket_type_attributes.data
    .find((a) => a.name === "Product area")!
    .input_options!.list_options!.find((o) => !o.archived)!;
  await row("Product area").getByRole("combobox", { name: "Product area" }).selectOption({ label: area.label });
  await row("Votes").getByRole("button", { name: "Set Votes" }).click();
  await row("Votes").getByRole("textbox", { name: "Votes" }).fill("41");
  await dialog.getByRole("button", { name: "Change type" }).click();
  await expect(dialog).toBeHidden();
  await toast(page, `Ticket #${t.ticket_id} is now Feature request`);

  const after = await ticket(us, t.id);
  expect(after.ticket_type.id).toBe(feature.id);
  expect(after.ticket_state.id).toBe(expectedState.id);
  expect(after.ticket_attributes).toMatchObject({
    _default_title_: t.ticket_attributes._default_title_,
    "Product area": area.id,
    Votes: 41,
  });
  await expect(page.getByText("Feature request", { exact: true }).first()).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Ticket timeline" }).getByText("changed the type: Bug report → Feature request"),
  ).toBeVisible();
});

test("Intercom's refusal is shown in words and changes nothing", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const review = await typeNamed(us, "Account review");
  const refund = await typeNamed(us, "Refund approval");
  const t = await openTicketOfType(us, review.id, 0);
  await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
  await page.getByRole("button", { name: "More actions" }).click();
  await page.getByRole("menuitem", { name: "Change type…" }).click();
  const dialog = page.getByRole("dialog", { name: /Change the type of ticket/ });
  await dialog.getByRole("radio", { name: /Refund approval/ }).check();
  await dialog.getByRole("textbox", { name: "Amount" }).fill("120.5");
  // Meanwhile, someone archives the type in Intercom.
  await setArchived(us, refund.id, true);
  try {
    await dialog.getByRole("button", { name: "Change type" }).click();
    await expect(dialog.getByText(/archived ticket type|Refund approval is archived/).first()).toBeVisible();
    expect((await ticket(us, t.id)).ticket_type.id).toBe(review.id);
    // The types are read again: the archived one is no longer offered.
    await expect(dialog.getByRole("radio", { name: /Refund approval/ })).toHaveCount(0);
  } finally {
    await setArchived(us, refund.id, false);
  }
});

test("converting a conversation offers Customer types only, checks the form, then opens the new ticket", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  const billing = await typeNamed(us, "Billing question");
  const c = await conversationIn(us, "open", 5);
  const raw = await sandboxApi<{ title: string | null; source: { subject: string }; ticket: unknown }>(
    us,
    "GET",
    `/conversations/${c.id}`,
  );
  expect(raw.ticket ?? null).toBeNull();
  await page.goto(`/w/${us.id_code}/conversations/${c.id}`);
  await page.getByRole("button", { name: "Convert to ticket" }).click();
  const dialog = page.getByRole("dialog", { name: "Convert to a ticket" });
  const backOffice = dialog.getByRole("radio", { name: /Account review/ });
  await expect(backOffice).toBeDisabled();
  await expect(backOffice).toHaveAccessibleDescription("Only Customer ticket types can be created from a conversation");
  await expect(dialog.getByRole("radio", { name: /Engineering incident/ })).toBeDisabled();
  await expect(dialog.getByRole("radio", { name: /Legacy complaint/ })).toHaveCount(0);

  await dialog.getByRole("radio", { name: /Billing question/ }).check();
  const title = dialog.getByRole("textbox", { name: /^Title/ });
  const expectedTitle = raw.title?.trim() || raw.source.subject.trim();
  if (expectedTitle) await expect(title).toHaveValue(expectedTitle);
  else await expect(title).not.toHaveValue("");

  await title.fill("");
  await dialog.getByRole("button", { name: "Create ticket" }).click();
  await expect(dialog.getByText("Title needs a value")).toBeVisible();
  await expect(dialog.getByText("Invoice number needs a value")).toBeVisible();
  await expect(title).toHaveAttribute("aria-invalid", "true");
  expect((await sandboxApi<{ ticket: unknown }>(us, "GET", `/conversations/${c.id}`)).ticket ?? null).toBeNull();

  await title.fill("Invoice 4471 charged twice");
  await dialog.getByRole("textbox", { name: /^Invoice number/ }).fill("INV-4471");
  await dialog.getByRole("textbox", { name: /^Amount/ }).fill("abc");
  await dialog.getByRole("button", { name: "Create ticket" }).click();
  await expect(dialog.getByText("Amount must be a number")).toBeVisible();
  await dialog.getByRole("textbox", { name: /^Amount/ }).fill("129.90");
  await dialog.getByRole("button", { name: "Create ticket" }).click();

  await page.waitForURL(/\/tickets\/[^/]+$/);
  const ticketId = page.url().split("/").at(-1)!;
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Invoice 4471 charged twice");
  const created = await ticket(us, ticketId);
  expect(created.ticket_type.id).toBe(billing.id);
  expect(created.ticket_attributes).toMatchObject({
    _default_title_: "Invoice 4471 charged twice",
    "Invoice number": "INV-4471",
    Amount: 129.9,
  });
  const linked = await sandboxApi<{ ticket: { id: string } | null }>(us, "GET", `/conversations/${c.id}`);
  expect(linked.ticket?.id).toBe(ticketId);

  await page.goto(`/w/${us.id_code}/conversations/${c.id}`);
  await page.getByRole("link", { name: `Open ticket #${created.ticket_id}` }).click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${ticketId}$`));
});

test("forged type changes and conversions are 400s with field errors, and change nothing", async ({
  page,
  baseURL,
}) => {
  const us = await workspace("Northwind Support");
  const bug = await typeNamed(us, "Bug report");
  const refund = await typeNamed(us, "Refund approval");
  const t = await openTicketOfType(us, bug.id, 3);
  const headers = { Origin: baseURL! };

  const other = await page.request.post(`/api/w/${us.id_code}/tickets/${t.id}/change-type`, {
    data: { ticket_type_id: refund.id },
    headers,
  });
  expect(other.status()).toBe(400);
  const body = (await other.json()) as { error: { code: string; fields: Record<string, string> } };
  expect(body.error.code).toBe("invalid_input");
  expect(body.error.fields.ticket_type_id).toMatch(/Back-office type/);
  const extra = await page.request.post(`/api/w/${us.id_code}/tickets/${t.id}/change-type`, {
    data: { ticket_type_id: bug.id, admin_id: "1" },
    headers,
  });
  expect(extra.status()).toBe(400);
  expect((await ticket(us, t.id)).ticket_type.id).toBe(bug.id);

  const c = await conversationIn(us, "open", 6);
  const convert = await page.request.post(`/api/w/${us.id_code}/conversations/${c.id}/convert`, {
    data: { ticket_type_id: refund.id },
    headers,
  });
  expect(convert.status()).toBe(400);
  expect(((await convert.json()) as { error: { fields: Record<string, string> } }).error.fields.ticket_type_id).toBe(
    "Only Customer ticket types can be created from a conversation",
  );
  const typed = await page.request.post(`/api/w/${us.id_code}/conversations/${c.id}/convert`, {
    data: { ticket_type_id: bug.id, attributes: { "Affected users": "lots" } },
    headers,
  });
  expect(typed.status()).toBe(400);
  expect(
    ((await typed.json()) as { error: { fields: Record<string, string> } }).error.fields["Affected users"],
  ).toMatch(/whole number/);
  expect((await sandboxApi<{ ticket: unknown }>(us, "GET", `/conversations/${c.id}`)).ticket ?? null).toBeNull();
});
