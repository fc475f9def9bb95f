/** axe-core on every page, in both themes: no serious or critical violation. */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "../fixtures";
import { sandboxApi, workspace } from "../support";

async function violations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n    ${v.nodes
          .slice(0, 4)
          .map((n) => n.target.join(" "))
          .join("\n    ")}`,
    );
}

for (const theme of ["light", "dark"] as const) {
  test(`every page passes axe in the ${theme} theme`, async ({ page, browser, baseURL }) => {
    test.setTimeout(180_000);
    const us = await workspace("Northwind Support");
    await page.emulateMedia({ colorScheme: theme });
    const { tickets } = await sandboxApi<{ tickets: { id: string }[] }>(us, "POST", "/tickets/search", {
      query: { field: "open", operator: "=", value: true },
      pagination: { per_page: 3 },
    });
    const { conversations } = await sandboxApi<{ conversations: { id: string }[] }>(
      us,
      "POST",
      "/conversations/search",
      {
        query: { field: "open", operator: "=", value: true },
        pagination: { per_page: 1 },
      },
    );
    const { segments } = await sandboxApi<{ segments: { id: string }[] }>(us, "GET", "/segments");
    const { data: contacts } = await sandboxApi<{ data: { id: string }[] }>(us, "POST", "/contacts/search", {
      query: { field: "role", operator: "=", value: "user" },
      pagination: { per_page: 1 },
    });
    // A job to show: one ticket shared (or found shared already).
    const job = await page.request.post(`/api/w/${us.id_code}/bulk-jobs`, {
      data: {
        selection: { kind: "ids", ids: [tickets[2].id] },
        action: { type: "set_shared", shared: theme === "light" },
      },
      headers: { Origin: baseURL! },
    });
    const jobs = (
      (await (await page.request.get(`/api/w/${us.id_code}/bulk-jobs`)).json()) as { jobs: { id: string }[] }
    ).jobs;
    const jobId = job.ok() ? ((await job.json()) as { id: string }).id : jobs[0]?.id;
    const w = `/w/${us.id_code}`;
    const pages: [string, string][] = [
      ["overview", w],
      ["insights", `${w}/insights`],
      ["tickets", `${w}/tickets`],
      ["conversations", `${w}/conversations`],
      ["contacts", `${w}/contacts`],
      ["segments", `${w}/segments`],
      ["segment", `${w}/segments/${segments[0].id}`],
      ["contact", `${w}/contacts/${contacts[0].id}`],
      ["ticket", `${w}/tickets/${tickets[0].id}`],
      ["conversation", `${w}/conversations/${conversations[0].id}`],
      ["jobs", `${w}/jobs`],
      ...(jobId ? [["job", `${w}/jobs/${jobId}`] as [string, string]] : []),
      ["missing ticket", `${w}/tickets/987654321`],
      ["audit", `${w}/audit`],
      ["active sessions", `${w}/sessions`],
      ["workspace settings", `${w}/settings`],
    ];
    const found: string[] = [];
    for (const [name, path] of pages) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await page.waitForLoadState("networkidle").catch(() => {});
      for (const v of await violations(page)) found.push(`${name}: ${v}`);
    }

    // Dialogs too: changing a type, and a bulk action's form.
    await page.goto(`${w}/tickets/${tickets[1].id}`);
    await page.getByRole("button", { name: "More actions" }).click();
    await page.getByRole("menuitem", { name: "Change type…" }).click();
    await page.getByRole("dialog").locator("input[type=radio]:not([disabled])").first().check();
    for (const v of await violations(page)) found.push(`change type dialog: ${v}`);
    await page.goto(`${w}/tickets`);
    await page
      .getByRole("checkbox", { name: /^Select ticket #/ })
      .first()
      .click();
    await page.getByRole("button", { name: "Bulk action…" }).click();
    await expect(page.getByRole("dialog")).toBeVisible();
    for (const v of await violations(page)) found.push(`bulk dialog: ${v}`);

    // And the sign-in page, signed out.
    const signedOut = await browser.newContext({ colorScheme: theme, storageState: { cookies: [], origins: [] } });
    const anon = await signedOut.newPage();
    await anon.goto(`${baseURL}/signin`);
    await expect(anon.getByRole("heading", { level: 1 })).toBeVisible();
    for (const v of await violations(anon)) found.push(`signin: ${v}`);
    await signedOut.close();

    expect(found, found.join("\n")).toEqual([]);
  });
}
