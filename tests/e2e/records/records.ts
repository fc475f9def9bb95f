/** Helpers for the record pages' tests: picking distinct records, and reading them back from the sandbox. */
import { expect, type Locator, type Page } from "@playwright/test";
import { sandboxApi, type SandboxWorkspace } from "../support";

export interface SandboxTicket {
  id: string;
  ticket_id: string;
  open: boolean;
  is_shared: boolean;
  snoozed_until: number | null;
  admin_assignee_id: string | null;
  team_assignee_id: string | null;
  previous_ticket_state_id: string | null;
  ticket_state: { id: string; internal_label: string; category: string };
  ticket_type: {
    id: string;
    name: string;
    category: string;
    ticket_states: { data: { id: string; internal_label: string; category: string }[] };
  };
  ticket_attributes: Record<string, unknown>;
  tags?: { tags: { id: string; name: string }[] };
  ticket_parts: { ticket_parts: { part_type: string; body: string | null; author?: { id: string } }[] };
}

export interface SandboxConversation {
  id: string;
  state: "open" | "closed" | "snoozed";
  read: boolean;
  priority: "priority" | "not_priority";
  snoozed_until: number | null;
  admin_assignee_id: string | null;
  team_assignee_id: string | null;
  source: { redacted?: boolean; subject: string };
  tags: { tags: { id: string; name: string }[] };
  conversation_parts: {
    conversation_parts: { id: string; part_type: string; body: string | null; redacted: boolean }[];
  };
}

const CATEGORY_TERM = { Customer: "request", "Back-office": "task", Tracker: "tracker" } as const;

/** The `index`th open ticket of a category, newest first: each test takes its own index. */
export async function openTicket(
  ws: SandboxWorkspace,
  category: keyof typeof CATEGORY_TERM,
  index: number,
): Promise<SandboxTicket> {
  const query = {
    operator: "AND",
    value: [
      { field: "open", operator: "=", value: true },
      { field: "category", operator: "=", value: CATEGORY_TERM[category] },
    ],
  };
  const list = await sandboxApi<{ tickets: SandboxTicket[] }>(ws, "POST", "/tickets/search", {
    query,
    pagination: { per_page: 50 },
  });
  return list.tickets[index];
}

export const ticket = (ws: SandboxWorkspace, id: string) => sandboxApi<SandboxTicket>(ws, "GET", `/tickets/${id}`);
export const conversation = (ws: SandboxWorkspace, id: string) =>
  sandboxApi<SandboxConversation>(ws, "GET", `/conversations/${id}`);

/** A conversation's priority level, read as Intercom 2.16 gives it (the dashboard's default version). */
export const priorityLevel = async (ws: SandboxWorkspace, id: string) =>
  (await sandboxApi<{ priority: string }>(ws, "GET", `/conversations/${id}`, undefined, "2.16")).priority;

/** The `index`th conversation in a state, with a few parts, newest first. */
export async function conversationIn(
  ws: SandboxWorkspace,
  state: "open" | "closed" | "snoozed",
  index: number,
): Promise<SandboxConversation> {
  const list = await sandboxApi<{
    conversations: { id: string; statistics?: { count_conversation_parts?: number } }[];
  }>(ws, "POST", "/conversations/search", {
    query: { field: "state", operator: "=", value: state },
    pagination: { per_page: 50 },
  });
  const withParts = list.conversations.filter(
    (c) => (c.statistics?.count_conversation_parts ?? 0) >= 3 && (c.statistics?.count_conversation_parts ?? 0) < 40,
  );
  return conversation(ws, withParts[index].id);
}

export async function conversationBySubject(ws: SandboxWorkspace, subject: string): Promise<SandboxConversation> {
  const list = await sandboxApi<{ conversations: { id: string }[] }>(ws, "POST", "/conversations/search", {
    query: { field: "source.subject", operator: "=", value: subject },
  });
  return conversation(ws, list.conversations[0].id);
}

/** Picks an option from one of the searchable pickers (teammate, team, tag). */
export async function pick(page: Page, picker: string, option: string): Promise<void> {
  await page.getByRole("button", { name: new RegExp(`^${picker}:`) }).click();
  await page
    .getByRole("option", { name: new RegExp(`^${option}`) })
    .first()
    .click();
}

/** Waits for the toast a completed action shows. */
export async function toast(page: Page, text: string | RegExp): Promise<Locator> {
  const t = page.getByRole("listitem").filter({ hasText: text }).first();
  await expect(t).toBeVisible();
  return t;
}

/** Presses a shortcut until what it opens shows: the page may still be hydrating when the first press lands. */
export async function pressUntil(page: Page, key: string, shows: Locator): Promise<void> {
  await expect(async () => {
    await page.keyboard.press(key);
    await expect(shows).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** Waits until a record page answers its own keyboard shortcuts: clicks land on its scripts, not on server HTML. */
export async function interactive(page: Page): Promise<void> {
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await pressUntil(page, "?", help);
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);
}

type Named = { id: string; name: string };

/** The workspace's teammates, teams and tags, as Intercom lists them. */
export async function directory(ws: SandboxWorkspace): Promise<{ admins: Named[]; teams: Named[]; tags: Named[] }> {
  const [admins, teams, tags] = await Promise.all([
    sandboxApi<{ admins: Named[] }>(ws, "GET", "/admins"),
    sandboxApi<{ teams: Named[] }>(ws, "GET", "/teams"),
    sandboxApi<{ data: Named[] }>(ws, "GET", "/tags"),
  ]);
  return { admins: admins.admins, teams: teams.teams, tags: tags.data };
}

/** In an open bulk dialog: adds a tag to the selection, runs the job and waits for it to complete. */
export async function runTagJob(page: Page, dialog: Locator, tag: string): Promise<void> {
  await dialog.getByLabel("Action").selectOption({ label: "Add a tag" });
  await pick(page, "Tag", tag);
  await dialog.getByRole("button", { name: "Preview" }).click();
  await dialog.getByRole("button", { name: /^Run on/ }).click();
  await page.waitForURL(/\/jobs\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Completed", { exact: true })).toBeVisible({ timeout: 30_000 });
}
