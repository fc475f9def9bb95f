/** A headless system Chromium for benchmarks, and a signed-in page on a running dashboard. */
import { execSync } from "node:child_process";
import { chromium, type Browser, type Page } from "@playwright/test";

export async function launch(): Promise<Browser> {
  const executablePath =
    process.env.CHROMIUM_PATH ??
    execSync("command -v chromium || command -v chromium-browser", { encoding: "utf8", shell: "/bin/sh" })
      .trim()
      .split("\n")[0];
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-gpu",
    ],
  });
}

/** Signs in through the sandbox's consent page; returns the workspace's id_code. */
export async function signInPage(page: Page, baseUrl: string, workspaceName = "Northwind Support"): Promise<string> {
  await page.goto(`${baseUrl}/signin`);
  await page.getByRole("button", { name: `Sign in to ${workspaceName}` }).click();
  await page.getByRole("button", { name: "Authorize access" }).click();
  await page.waitForURL(/\/w\/[a-z0-9]+$/, { timeout: 60_000 });
  return new URL(page.url()).pathname.split("/")[2];
}
