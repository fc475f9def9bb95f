/** Both record pages in light and dark themes, saved for a person to look at, and laid out without sideways scrolling. */
import { expect, test } from "../fixtures";
import { SANDBOX_URL, workspace } from "../support";
import { conversationBySubject, conversationIn, interactive, openTicket, toast } from "./records";

for (const theme of ["light", "dark"] as const) {
  test(`ticket and conversation pages in the ${theme} theme`, async ({ page }, info) => {
    const us = await workspace("Northwind Support");
    await page.emulateMedia({ colorScheme: theme });
    await page.setViewportSize({ width: 1400, height: 1000 });
    const t = await openTicket(us, "Customer", 10);
    const c = await conversationBySubject(us, "Screenshot of the error attached");
    for (const [name, path] of [
      ["ticket", `/w/${us.id_code}/tickets/${t.id}`],
      ["conversation", `/w/${us.id_code}/conversations/${c.id}`],
    ] as const) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.locator("html")).toHaveClass(theme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.screenshot({ path: info.outputPath(`${name}-${theme}.png`), fullPage: true });
    }

    // The two forms, filled in part, as a lead sees them before committing.
    await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
    await page.getByRole("button", { name: "More actions" }).click();
    await page.getByRole("menuitem", { name: "Change type…" }).click();
    const change = page.getByRole("dialog", { name: /Change the type/ });
    await change.locator("input[type=radio]:not([disabled])").first().check();
    await expect(change.getByRole("listitem").first()).toBeVisible();
    await page.screenshot({ path: info.outputPath(`change-type-${theme}.png`) });
    await page.keyboard.press("Escape");
    await page.goto(`/w/${us.id_code}/conversations/${c.id}`);
    await page.getByRole("button", { name: "Convert to ticket" }).click();
    const convert = page.getByRole("dialog", { name: "Convert to a ticket" });
    await convert.getByRole("radio", { name: /Billing question/ }).check();
    await page.screenshot({ path: info.outputPath(`convert-${theme}.png`) });
  });
}

const failNext = (method: string, path: string) =>
  fetch(`${SANDBOX_URL}/sandbox/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ fail_next: [{ method, path, status: 500 }] }),
  });

for (const theme of ["light", "dark"] as const) {
  test(`a ticket page, and a conversation's failed edit and reply, at three widths in the ${theme} theme`, async ({
    page,
  }, info) => {
    const us = await workspace("Northwind Support");
    await page.emulateMedia({ colorScheme: theme });
    const t = await openTicket(us, "Customer", 10);
    const c = await conversationIn(us, "open", 8);
    try {
      for (const width of [1024, 1366, 1920]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`/w/${us.id_code}/tickets/${t.id}`);
        await expect(page.getByRole("heading", { level: 1 })).toContainText(`#${t.ticket_id}`);
        // Its menus and pickers load after the page: shown once they have.
        await expect(page.getByRole("button", { name: "Snooze" })).toBeVisible();
        await expect(page.getByRole("button", { name: /^Assigned teammate:/ })).toBeVisible();
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await page.screenshot({ path: info.outputPath(`ticket-${width}-${theme}.png`) });

        await page.goto(`/w/${us.id_code}/conversations/${c.id}`);
        await interactive(page);
        await failNext("POST", `/conversations/${c.id}/parts`);
        await page.getByRole("button", { name: "Close", exact: true }).click();
        await toast(page, /^Couldn't close the conversation: .* The conversation is open again\.$/);
        const box = page.getByRole("region", { name: "Reply or note" });
        await failNext("POST", `/conversations/${c.id}/reply`);
        await box.getByRole("textbox").fill("Checking this now.");
        await box.getByRole("button", { name: "Send reply" }).click();
        await expect(box.getByText(/^Couldn't send the reply: /)).toBeVisible();
        await box.scrollIntoViewIfNeeded();
        await page.screenshot({ path: info.outputPath(`conversation-failed-${width}-${theme}.png`) });
      }
    } finally {
      await fetch(`${SANDBOX_URL}/sandbox/faults`, { method: "DELETE" });
    }
  });
}
