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
  /** A second dashboard speaking Intercom API Preview, on the first one's sandbox. */
  previewPort: Number(process.env.E2E_PREVIEW_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 1),
  previewDataDir: "tests/.tmp/e2e-data-preview",
  /** A third speaking Intercom API 2.14, also on the first one's sandbox. */
  v214Port: Number(process.env.E2E_214_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 2),
  v214DataDir: "tests/.tmp/e2e-data-2-14",
};
const baseURL = `http://localhost:${E2E.port}`;
const previewURL = `http://localhost:${E2E.previewPort}`;
const v214URL = `http://localhost:${E2E.v214Port}`;
const serverEnv = {
  SANDBOX: "on",
  AUTH_SECRET: "e2e-auth-secret-not-for-production",
  NEXT_TELEMETRY_DISABLED: "1",
  INTERCOM_CLIENT_ID: "",
  INTERCOM_CLIENT_SECRET: "",
  DATABASE_URL: "",
};
/** A dashboard speaking another Intercom API version, on the first server's sandbox. */
const versionServer = (version: string, url: string, port: number, dataDir: string) => ({
  command: `${fresh(dataDir)} && npm start -- -p ${port}`,
  url: `${url}/signin`,
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: "pipe" as const,
  stderr: "pipe" as const,
  env: {
    ...serverEnv,
    PUBLIC_URL: url,
    SANDBOX_URL: `http://127.0.0.1:${E2E.sandboxPort}`,
    DATA_DIR: dataDir,
    INTERCOM_VERSION: version,
    BULK_CONCURRENCY: "4",
  },
});
const fresh = (dir: string) => `node -e "require('fs').rmSync('${dir}',{recursive:true,force:true})"`;

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
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "e2e",
      dependencies: ["setup"],
      testMatch: /.*\.spec\.ts/,
      use: { storageState: "tests/e2e/.auth/lead.json" },
    },
    // The same dashboard under Intercom API Preview: a short pass of its own, signed in on its own.
    { name: "preview-setup", testMatch: /versions\/sign-in-preview\.ts/, use: { baseURL: previewURL } },
    {
      name: "preview",
      dependencies: ["preview-setup"],
      testMatch: /versions\/under-preview\.ts/,
      use: { baseURL: previewURL, storageState: "tests/e2e/.auth/lead-preview.json" },
    },
    // And under 2.14, where Change type is left out with the reason.
    { name: "v2.14-setup", testMatch: /versions\/sign-in-2-14\.ts/, use: { baseURL: v214URL } },
    {
      name: "v2.14",
      dependencies: ["v2.14-setup"],
      testMatch: /versions\/under-2-14\.ts/,
      use: { baseURL: v214URL, storageState: "tests/e2e/.auth/lead-2-14.json" },
    },
  ],
  webServer: [
    {
      // One production server for the whole run (the default Intercom version), on a fresh data folder, with its own sandbox.
      command: `${fresh(E2E.dataDir)} && npm start -- -p ${E2E.port}`,
      url: `${baseURL}/signin`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        ...serverEnv,
        PUBLIC_URL: baseURL,
        SANDBOX_PORT: String(E2E.sandboxPort),
        SANDBOX_REDIRECT_ORIGINS: `${previewURL},${v214URL}`,
        DATA_DIR: E2E.dataDir,
      },
    },
    // Started once the first answers, so its sandbox is up.
    versionServer("Preview", previewURL, E2E.previewPort, E2E.previewDataDir),
    versionServer("2.14", v214URL, E2E.v214Port, E2E.v214DataDir),
  ],
});
