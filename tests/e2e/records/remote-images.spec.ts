/**
 * A remote image in a customer's message is a read receipt: nothing is fetched from its host
 * until the lead asks, and then only that message's images.
 */
import type { Page, Request } from "@playwright/test";
import { expect, test } from "../fixtures";
import { sandboxApi, workspace, type SandboxWorkspace } from "../support";
import { conversationIn, openTicket } from "./records";

/** What the image hosts answer: a 96×32 blue PNG, big enough to see in a screenshot. */
const BLOCK = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAGAAAAAgCAIAAABiouoDAAAARElEQVR42u3QQQkAAAgEsCtjMuNbwgb+hcESLNXDIQoECRIkSJAgQYIQJEiQIEGCBAlCkCBBggQJEiQIQYIECRIk6K8FhGllADQLzFgAAAAASUVORK5CYII=",
  "base64",
);

/** Answers every request to the image hosts with the block, and lists them. */
async function imageHosts(page: Page): Promise<Request[]> {
  const seen: Request[] = [];
  for (const host of ["https://images.example.test/**", "https://cdn.example.test/**"]) {
    await page.route(host, async (route) => {
      seen.push(route.request());
      await route.fulfill({ status: 200, contentType: "image/png", body: BLOCK });
    });
  }
  return seen;
}

type Contacts = { contacts: { contacts: { id: string }[] } };

/** Writes to a conversation or a ticket as its customer, the way Intercom's API lets a user reply. */
async function replyAsCustomer(
  ws: SandboxWorkspace,
  kind: "conversations" | "tickets",
  id: string,
  body: string,
): Promise<void> {
  const record = await sandboxApi<Contacts>(ws, "GET", `/${kind}/${id}`);
  await sandboxApi(ws, "POST", `/${kind}/${id}/reply`, {
    message_type: "comment",
    type: "user",
    intercom_user_id: record.contacts.contacts[0].id,
    body,
  });
}

const RECEIPT =
  '<p>Here is my receipt.</p><img src="https://images.example.test/pixel.png" alt="Receipt" width="120" height="40">';
const TWO_SITES =
  '<p>Two more pictures.</p><img src="https://images.example.test/second.png" alt="Invoice"><img src="//cdn.example.test/logo.png" alt="Company logo">';

test("a conversation's remote images load only when the lead asks, one message at a time", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const c = await conversationIn(us, "open", 9);
  await replyAsCustomer(us, "conversations", c.id, RECEIPT);
  await replyAsCustomer(us, "conversations", c.id, TWO_SITES);
  const requests = await imageHosts(page);

  await page.goto(`/w/${us.id_code}/conversations/${c.id}`);
  const timeline = page.getByRole("region", { name: "Conversation timeline" });
  const first = timeline.getByRole("article").filter({ hasText: "Here is my receipt." });
  const second = timeline.getByRole("article").filter({ hasText: "Two more pictures." });
  const loadFirst = first.getByRole("button", { name: "Load images from images.example.test" });
  const loadSecond = second.getByRole("button", { name: "Load images from 2 sites" });
  await expect(loadFirst).toBeVisible();
  await expect(loadSecond).toBeVisible();
  await expect(first.getByText(/hidden to protect your privacy/)).toBeVisible();
  await expect(second.getByText(/images\.example\.test and cdn\.example\.test/)).toBeVisible();
  // Before loading, the alt text stands in for each image.
  await expect(first.getByRole("img", { name: "Receipt" })).toBeVisible();
  await expect(second.getByRole("img", { name: "Company logo" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(requests.map((r) => r.url())).toEqual([]);

  await loadFirst.click();
  await expect.poll(() => requests.map((r) => r.url())).toEqual(["https://images.example.test/pixel.png"]);
  const receipt = first.getByRole("img", { name: "Receipt" });
  await expect(receipt).toBeVisible();
  await expect.poll(() => receipt.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(96);
  // No referrer tells the host where the image was shown.
  expect(await requests[0].headerValue("referer")).toBeNull();
  await expect(loadFirst).toBeHidden();
  await expect(first.getByText("Images from images.example.test are shown.")).toBeFocused();
  // The other message still holds its images back.
  await expect(loadSecond).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(requests).toHaveLength(1);

  // The keyboard works as well as the mouse.
  await loadSecond.focus();
  await page.keyboard.press("Enter");
  await expect
    .poll(() => requests.map((r) => r.url()).sort())
    .toEqual([
      "https://cdn.example.test/logo.png",
      "https://images.example.test/pixel.png",
      "https://images.example.test/second.png",
    ]);
  await expect(second.getByRole("img", { name: "Company logo" })).toBeVisible();
});

test("a ticket's remote images wait for the lead too", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const t = await openTicket(us, "Customer", 20);
  await replyAsCustomer(us, "tickets", t.id, RECEIPT);
  const requests = await imageHosts(page);

  await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
  const message = page
    .getByRole("region", { name: "Ticket timeline" })
    .getByRole("article")
    .filter({ hasText: "Here is my receipt." });
  const load = message.getByRole("button", { name: "Load images from images.example.test" });
  await expect(load).toBeVisible();
  await expect(message.getByRole("img", { name: "Receipt" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(requests).toHaveLength(0);

  await load.click();
  await expect.poll(() => requests.map((r) => r.url())).toEqual(["https://images.example.test/pixel.png"]);
  await expect
    .poll(() => message.getByRole("img", { name: "Receipt" }).evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(96);
});

for (const theme of ["light", "dark"] as const) {
  test(`held-back images in the ${theme} theme`, async ({ page }, info) => {
    const us = await workspace("Northwind Support");
    const c = await conversationIn(us, "open", theme === "light" ? 10 : 11);
    await replyAsCustomer(us, "conversations", c.id, RECEIPT);
    await replyAsCustomer(us, "conversations", c.id, TWO_SITES);
    const requests = await imageHosts(page);
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/w/${us.id_code}/conversations/${c.id}`);
    const message = page.getByRole("article").filter({ hasText: "Two more pictures." });
    await expect(message.getByRole("button", { name: "Load images from 2 sites" })).toBeVisible();
    await message.scrollIntoViewIfNeeded();
    await page.screenshot({ path: info.outputPath(`held-${theme}.png`) });
    await message.getByRole("button", { name: "Load images from 2 sites" }).click();
    await expect.poll(() => requests.length).toBe(2);
    await page.screenshot({ path: info.outputPath(`loaded-${theme}.png`) });
  });
}

test("images a lead loaded stay loaded when a long timeline scrolls them out of view and back", async ({ page }) => {
  const us = await workspace("Northwind Support");
  const c = await conversationIn(us, "open", 12);
  await replyAsCustomer(us, "conversations", c.id, RECEIPT);
  // Enough parts after it that the timeline only renders what is on screen.
  for (let i = 1; i <= 70; i++) await replyAsCustomer(us, "conversations", c.id, `Follow-up number ${i}.`);
  await imageHosts(page);

  await page.goto(`/w/${us.id_code}/conversations/${c.id}`);
  const message = page.getByRole("article").filter({ hasText: "Here is my receipt." });
  await message.getByRole("button", { name: "Load images from images.example.test" }).click();
  await expect
    .poll(() => message.getByRole("img", { name: "Receipt" }).evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(96);

  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(page.getByRole("article").filter({ hasText: "Follow-up number 70." })).toBeVisible();
  await expect(message).toHaveCount(0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(message.getByText("Images from images.example.test are shown.")).toBeVisible();
  await expect(message.getByRole("button", { name: /^Load images/ })).toHaveCount(0);
  await expect
    .poll(() => message.getByRole("img", { name: "Receipt" }).evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(96);
});
