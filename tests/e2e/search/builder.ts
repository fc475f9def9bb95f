/** Driving the search builder the way a person does: by the names of its controls. */
import { expect, type Page } from "@playwright/test";

export async function pickField(page: Page, filter: string, field: string): Promise<void> {
  await page.getByRole("button", { name: new RegExp(`^${filter} field:`) }).click();
  await page.getByRole("combobox", { name: "Search fields" }).fill(field);
  await page.getByRole("option", { name: field, exact: true }).click();
}

export async function pickOperator(page: Page, filter: string, operator: string): Promise<void> {
  await page.getByRole("combobox", { name: `${filter} operator` }).click();
  await page.getByRole("option", { name: operator, exact: true }).click();
}

/** Chooses one or several values from a value picker. */
export async function pickValues(page: Page, filter: string, ...values: string[]): Promise<void> {
  await page.getByRole("button", { name: new RegExp(`^${filter} value:`) }).click();
  for (const v of values)
    await page
      .getByRole("option", { name: new RegExp(`^${escape(v)}`) })
      .first()
      .click();
  await page.keyboard.press("Escape");
}

export async function chooseSelect(page: Page, name: string, option: string): Promise<void> {
  await page.getByRole("combobox", { name }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

export async function runSearch(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Search", exact: true }).click();
}

/** The numbers (or first column) of the rows in the results table. */
export async function firstColumn(page: Page): Promise<string[]> {
  const table = page.getByRole("table", { name: /Matching/ });
  await expect(table).toBeVisible();
  // The first cell after the selection checkbox, where there is one.
  return table
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((r) => (r.querySelector("td:not([data-select])") as HTMLElement | null)?.innerText ?? ""),
    );
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
