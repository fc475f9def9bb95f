import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { OAuthClient } from "./oauth";
import { Sandbox, type WorkspaceSummary } from "./server";
import { API_VERSIONS, DEFAULT_API_VERSION, isApiVersion, type ApiVersion } from "./versions";

export { Sandbox, type WorkspaceSummary } from "./server";
export type { FaultSettings, FailNext } from "./faults";
export { API_VERSIONS, type ApiVersion } from "./versions";

/** The OAuth client the dashboard uses against the sandbox. Local only: not a secret. */
export const SANDBOX_CLIENT_ID = "sandbox-dashboard";
export const SANDBOX_CLIENT_SECRET = "sandbox-dashboard-secret";
export const DEFAULT_SANDBOX_PORT = 4010;
export const DEFAULT_SEED = 42;

export interface StartSandboxOptions {
  /** 0 picks a free port. Defaults to SANDBOX_PORT or 4010. */
  port?: number;
  host?: string;
  seed?: number | string;
  /** Multiplies contacts, conversations and tickets (benchmarks). */
  scale?: number;
  /** Unix seconds the seeded timeline ends at; defaults to now. */
  now?: number;
  /** Origins the OAuth page may redirect back to. */
  redirectOrigins?: string[];
  clients?: OAuthClient[];
  /** The Intercom-Version answered when a request names none; defaults to SANDBOX_API_VERSION or 2.14. */
  apiVersion?: ApiVersion;
  log?: (line: string) => void;
}

export interface RunningSandbox {
  url: string;
  port: number;
  sandbox: Sandbox;
  workspaces: WorkspaceSummary[];
  stop(): Promise<void>;
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? Number(process.env.SANDBOX_PORT ?? DEFAULT_SANDBOX_PORT);
  const clients = options.clients ?? [
    {
      clientId: SANDBOX_CLIENT_ID,
      clientSecret: SANDBOX_CLIENT_SECRET,
      name: "Triage dashboard",
      redirectOrigins: options.redirectOrigins ?? ["http://localhost:3000", "http://127.0.0.1:3000"],
    },
  ];
  const sandbox = new Sandbox(
    {
      seed: options.seed ?? DEFAULT_SEED,
      scale: options.scale ?? 1,
      now: options.now ?? Math.floor(Date.now() / 1000),
    },
    clients,
    options.log ?? ((line) => console.error(line)),
    options.apiVersion ?? configuredVersion(process.env.SANDBOX_API_VERSION),
  );
  const server: Server = createServer((req, res) => void sandbox.handle(req, res));
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${actual}`,
    port: actual,
    sandbox,
    workspaces: sandbox.summaries(),
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function configuredVersion(value: string | undefined): ApiVersion {
  if (value === undefined || value.trim() === "") return DEFAULT_API_VERSION;
  const v = value.trim();
  if (!isApiVersion(v)) throw new Error(`SANDBOX_API_VERSION must be one of ${API_VERSIONS.join(", ")} (not ${v})`);
  return v;
}
