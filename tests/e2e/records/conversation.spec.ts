import type { Locator, Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { sandboxApi, workspace } from "../support";
import {
  conversation,
  conversationBySubject,
  conversationIn,
  pick,
  pressUntil,
  directory,
  priorityLevel,
} from "./records";

test("the seeded script and onerror payload never runs, and the message still reads", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const c = await conversationBySubject(us, "Screenshot of the error attached");
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`/w/${us.id_code}/conversations/${c.id}`);
  const first = page.getByRole("article", { name: /^First message from/ });
  await expect(first).toContainText("the screenshot of the error is below");
  await expect(first).toContainText("Thanks!");
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  await expect(page).not.toHaveTitle("pwned");
  expect(await first.locator("script, [onerror], img").count()).toBe(0);
  expect(dialogs).toEqual([]);
});

test("header and side panel: state, channel, assignees, statistics and the converted ticket", async ({ page }) => {
  const us = await workspace("Northwind Support");
  // A conversation that was converted: its ticket links back to it.
  const tickets = await sandboxApi<{ tickets: { linked_objects?: { data: { type: string; id: string }[] } }[] }>(
    us,
    "POST",
    "/tickets/search",
    {
      query: { field: "category", operator: "=", value: "request" },
      pagination: { per_page: 150 },
    },
  );
  const convId = tickets.tickets
    .flatMap((t) => t.linked_objects?.data ?? [])
    .find((l) => l.type === "conversation")!.id;
  const c = await sandboxApi<{ id: string; ticket: { id: string; ticket_id: string }; source: { type: string } }>(
    us,
    "GET",
    `/conversations/${convId}`,
  );
  expect(c.ticket).toBeTruthy();
  await page.goto(`/w/${us.id_code}/conversations/${c.id}`);
  await expect(page.getByText(`via ${c.source.type.replace(/_/g, " ")}`)).toBeVisible();
  const panel = page.getByRole("complementary", { name: "Details" });
  await expect(panel.getByRole("region", { name: "Statistics" }).getByText("Reopens")).toBeVisible();
  await panel
    .getByRole("region", { name: "Ticket" })
    .getByRole("link", { name: `Ticket #${c.ticket.ticket_id}` })
    .click();
  await expect(page).toHaveURL(new RegExp(`/tickets/${c.ticket.id}$`));
});

/** Opens a page with its scripts held back, types into the server-drawn reply box, then lets the scripts load. */
async function typeBeforeScripts(page: Page, url: string, text: string): Promise<Locator> {
  let release!: () => void;
  const loaded = new Promise<void>((r) => (release = r));
  await page.route("**/_next/static/chunks/*.js", async (route) => {
    await loaded;
    await route.continue();
  });
  await page.goto(url, { waitUntil: "commit" });
  const box = page.getByRole("region", { name: "Reply or note" });
  await box.getByRole("textbox").fill(text);
  release();
  return box;
}

test("a reply typed before the page's scripts have loaded is kept and sent", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const c = await conversationIn(us, "open", 3);
  const box = await typeBeforeScripts(
    page,
    `/w/${us.id_code}/conversations/${c.id}`,
    "Typed while the page was still loading.",
  );
  // Once the page is live, the preview button knows there is text.
  await expect(box.getByRole("button", { name: "Preview" })).toBeEnabled();
  await expect(box.getByRole("textbox")).toHaveValue("Typed while the page was still loading.");
  await box.getByRole("button", { name: "Send reply" }).click();
  await expect(
    page.getByRole("region", { name: "Conversation timeline" }).getByText("Typed while the page was still loading."),
  ).toBeVisible();
  await expect
    .poll(async () => (await conversation(us, c.id)).conversation_parts.conversation_parts.at(-1)?.body)
    .toBe("<p>Typed while the page was still loading.</p>");
});

test("a reply typed while the page loads survives the page coming alive minutes after the server drew it", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  const c = await conversationIn(us, "open", 13);
  // The browser's clock runs ahead of the server's: "last … ago" differs between the two renders.
  await page.clock.setFixedTime(Date.now() + 3 * 86_400_000);
  const box = await typeBeforeScripts(
    page,
    `/w/${us.id_code}/conversations/${c.id}`,
    "Still here after the page came alive.",
  );
  await expect(box.getByRole("button", { name: "Preview" })).toBeEnabled();
  await expect(box.getByRole("textbox")).toHaveValue("Still here after the page came alive.");
  // The page speaks the browser's time once it is live.
  await expect(page.getByRole("region", { name: "Conversation timeline" })).toContainText(
    /last .*days? ago|last .*week/,
  );
});

test("reply, note, assignment, snooze, close, reopen, priority, tags and mark read each reach Intercom", async ({
  page,
}) => {
  const us = await workspace("Northwind Support");
  const c = await conversationIn(us, "open", 0);
  const { admins, teams, tags } = await directory(us);
  await page.goto(`/w/${us.id_code}/conversations/${c.id}`);
  const timeline = page.getByRole("region", { name: "Conversation timeline" });
  const box = page.getByRole("region", { name: "Reply or note" });

  await box.getByRole("textbox").fill("We have reset your workspace cache.");
  await box.getByRole("button", { name: "Send reply" }).click();
  await expect(timeline.getByText("We have reset your workspace cache.")).toBeVisible();
  await expect
    .poll(async () => (await conversation(us, c.id)).conversation_parts.conversation_parts.at(-1))
    .toMatchObject({
      part_type: "comment",
      body: "<p>We have reset your workspace cache.</p>",
    });
  await box.getByRole("tab", { name: "Note" }).click();
  await box.getByRole("textbox", { name: "Internal note" }).fill("Watch for a reply tomorrow");
  await box.getByRole("button", { name: "Add note" }).click();
  await expect
    .poll(async () => (await conversation(us, c.id)).conversation_parts.conversation_parts.at(-1)?.part_type)
    .toBe("note");

  const admin = admins.find((a) => a.id !== c.admin_assignee_id)!;
  await pick(page, "Assigned teammate", admin.name);
  await expect.poll(async () => (await conversation(us, c.id)).admin_assignee_id).toEqual(Number(admin.id));
  const team = teams.find((t) => t.id !== c.team_assignee_id)!;
  await pick(page, "Assigned team", team.name);
  await expect.poll(async () => (await conversation(us, c.id)).team_assignee_id).toEqual(Number(team.id));
  await expect(timeline.getByText(`assigned this to ${team.name}`).last()).toBeVisible();

  // Under 2.16 a conversation's priority is a level.
  const level = (await priorityLevel(us, c.id)) === "urgent" ? "low" : "urgent";
  await page.getByRole("combobox", { name: "Priority" }).selectOption(level);
  await expect.poll(() => priorityLevel(us, c.id)).toBe(level);

  const tag = tags.find((t) => !c.tags.tags.some((x) => x.id === t.id))!;
  await pick(page, "Add a tag", tag.name);
  await expect.poll(async () => (await conversation(us, c.id)).tags.tags.map((t) => t.id)).toContain(tag.id);
  await page.getByRole("button", { name: `Remove tag ${tag.name}` }).click();
  await expect.poll(async () => (await conversation(us, c.id)).tags.tags.map((t) => t.id)).not.toContain(tag.id);

  // A custom snooze time: a past time is refused beside the field, a future one is sent.
  await page.getByRole("button", { name: "Snooze" }).click();
  await page.getByRole("menuitem", { name: "Choose a date and time…" }).click();
  const dialog = page.getByRole("dialog", { name: "Snooze until" });
  await dialog.getByLabel("Date and time").fill("2020-01-01T09:00");
  await dialog.getByRole("button", { name: "Snooze" }).click();
  await expect(dialog.getByText("Choose a time in the future")).toBeVisible();
  await dialog.getByLabel("Date and time").fill("2031-03-04T09:30");
  await dialog.getByRole("button", { name: "Snooze" }).click();
  await expect.poll(async () => (await conversation(us, c.id)).state).toBe("snoozed");
  const snoozed = await conversation(us, c.id);
  // 09:30 in the workspace's timezone, whatever it is, is within a day of 09:30 UTC.
  expect(Math.abs(snoozed.snoozed_until! - Date.UTC(2031, 2, 4, 9, 30) / 1000)).toBeLessThan(86_400);

  await page.getByRole("button", { name: "Close", exact: true }).click();
  await expect.poll(async () => (await conversation(us, c.id)).state).toBe("closed");
  await page.getByRole("button", { name: "Reopen" }).click();
  await expect.poll(async () => (await conversation(us, c.id)).state).toBe("open");
  await expect(timeline.getByText("reopened this").last()).toBeVisible();

  const unread = await sandboxApi<{ conversations: { id: string }[] }>(us, "POST", "/conversations/search", {
    query: {
      operator: "AND",
      value: [
        { field: "read", operator: "=", value: false },
        { field: "state", operator: "=", value: "closed" },
      ],
    },
  });
  if (unread.conversations.length > 0) {
    const u = unread.conversations.at(-1)!;
    await page.goto(`/w/${us.id_code}/conversations/${u.id}`);
    await page.getByRole("button", { name: "Mark read" }).click();
    await expect.poll(async () => (await conversation(us, u.id)).read).toBe(true);
    await expect(page.getByRole("button", { name: "Read", exact: true })).toBeDisabled();
  }
});

test("a part is redacted only after confirmation", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const c = await conversationIn(us, "closed", 1);
  const part = c.conversation_parts.conversation_parts.find((p) => p.part_type === "comment" && p.body && !p.redacted)!;
  await page.goto(`/w/${us.id_code}/conversations/${c.id}`);
  const timeline = page.getByRole("region", { name: "Conversation timeline" });
  const redact = timeline.getByRole("button", { name: /^Redact the message from/ }).first();
  await redact.click();
  const dialog = page.getByRole("dialog", { name: "Redact this message?" });
  await expect(dialog.getByText("This cannot be undone.", { exact: false })).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  expect(
    (await conversation(us, c.id)).conversation_parts.conversation_parts.find((p) => p.id === part.id)?.redacted,
  ).toBe(false);

  await redact.click();
  await page
    .getByRole("dialog", { name: "Redact this message?" })
    .getByRole("button", { name: "Redact message" })
    .click();
  await expect
    .poll(
      async () =>
        (await conversation(us, c.id)).conversation_parts.conversation_parts.find((p) => p.id === part.id)?.redacted,
    )
    .toBe(true);
  await expect(timeline.getByText("This message was redacted.").first()).toBeVisible();
});

test("a 500-part conversation renders only what is on screen, and scrolls to its last part", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const c = await conversationBySubject(us, "Ongoing migration support thread");
  const parts = c.conversation_parts.conversation_parts;
  expect(parts.length).toBe(500);
  await page.goto(`/w/${us.id_code}/conversations/${c.id}`);
  const timeline = page.getByRole("region", { name: "Conversation timeline" });
  await expect(timeline.getByText("500 entries")).toBeVisible();
  await expect.poll(() => timeline.getByRole("listitem").count()).toBeGreaterThan(3);
  expect(await timeline.getByRole("listitem").count()).toBeLessThan(80);
  // Entries are measured as they appear, so the page grows while it scrolls: End until the last one shows.
  await expect
    .poll(async () => {
      await page.keyboard.press("End");
      return timeline.locator(`[data-index="499"]`).isVisible();
    })
    .toBe(true);
  expect(await timeline.getByRole("listitem").count()).toBeLessThan(80);

  await page.keyboard.press("r");
  await expect(page.getByRole("textbox", { name: /^Reply to/ })).toBeFocused();
});

test("keyboard shortcuts on a conversation: ?, N, A, S and C", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const c = await conversationIn(us, "open", 2);
  await page.goto(`/w/${us.id_code}/conversations/${c.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await pressUntil(
    page,
    "?",
    page.getByRole("dialog", { name: "Keyboard shortcuts" }).getByText("Close the conversation"),
  );
  await page.keyboard.press("Escape");
  await page.keyboard.press("n");
  await expect(page.getByRole("textbox", { name: "Internal note" })).toBeFocused();
  await page.keyboard.type("c");
  await page.getByRole("textbox", { name: "Internal note" }).blur();
  await page.keyboard.press("a");
  await expect(page.getByRole("listbox", { name: "Assigned teammate" })).toBeVisible();
  await page.keyboard.press("Escape");
  await page.keyboard.press("s");
  await expect(page.getByRole("menuitem", { name: /Tomorrow/ })).toBeVisible();
  await page.keyboard.press("Escape");
  expect((await conversation(us, c.id)).state).toBe("open");
  await page.keyboard.press("c");
  await expect.poll(async () => (await conversation(us, c.id)).state).toBe("closed");
});

test("a snoozed conversation is unsnoozed from its page", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const c = await conversationIn(us, "snoozed", 4);
  await page.goto(`/w/${us.id_code}/conversations/${c.id}`);
  await page.getByRole("button", { name: "Unsnooze" }).click();
  await expect.poll(async () => (await conversation(us, c.id)).state).toBe("open");
  const after = await conversation(us, c.id);
  expect([after.snoozed_until, after.admin_assignee_id, after.priority]).toEqual([
    null,
    c.admin_assignee_id,
    c.priority,
  ]);
  await expect(page.getByRole("button", { name: "Unsnooze" })).toHaveCount(0);
});
