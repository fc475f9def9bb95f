import { execSync } from "node:child_process";
import { defineConfig } from "@playwright/test";

/** Playwright drives the system Chromium: it cannot download browsers of its own here. */
function chromiumPath(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return (
      execSync("command -v chromium || command -v chromium-browser", { encoding: "utf8", shell: "/bin/sh" })
        .trim()
        .split("\n")[0] || undefined
    );
  } catch {
    return undefined;
  }
}

export const E2E = {
  port: Number(process.env.E2E_PORT ?? 3100),
  sandboxPort: Number(process.env.E2E_SANDBOX_PORT ?? 4110),
  dataDir: "tests/.tmp/e2e-data",
};
const baseURL = `http://localhost:${E2E.port}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-gpu",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /.*\.setup\.ts/ },
    {
      name: "e2e",
      dependencies: ["setup"],
      testMatch: /.*\.spec\.ts/,
      use: { storageState: "tests/e2e/.auth/lead.json" },
    },
  ],
  webServer: {
    // One production server for the whole run, on a fresh data folder, with its own sandbox.
    command: `node -e "require('fs').rmSync('${E2E.dataDir}',{recursive:true,force:true})" && npx next start -p ${E2E.port}`,
    url: `${baseURL}/signin`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PUBLIC_URL: baseURL,
      SANDBOX: "on",
      SANDBOX_PORT: String(E2E.sandboxPort),
      DATA_DIR: E2E.dataDir,
      AUTH_SECRET: "e2e-auth-secret-not-for-production",
      NEXT_TELEMETRY_DISABLED: "1",
      INTERCOM_CLIENT_ID: "",
      INTERCOM_CLIENT_SECRET: "",
      DATABASE_URL: "",
    },
  },
});
