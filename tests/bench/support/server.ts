/**
 * Benchmarks' harness: a production dashboard (`npm start`, as shipped) with its embedded sandbox on
 * spare ports and a throwaway data folder, and a signed-in session obtained through the
 * same OAuth flow a person goes through.
 */
import { execSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface Dashboard {
  url: string;
  sandboxUrl: string;
  process: ChildProcess;
  /** With `memory: true`: the dashboard's own figures, from a probe preloaded into its processes. */
  memory: MemoryProbe | null;
  stop(): Promise<void>;
}

/** Calls the sandbox's control surface (/sandbox/*) beside a dashboard: plain JSON, no token. */
export function sandboxControl(dashboard: Dashboard) {
  return (path: string, method = "GET", body?: unknown) =>
    fetch(`${dashboard.sandboxUrl}${path}`, {
      method,
      headers: body ? { "Content-Type": "application/json" } : {},
      body: body ? JSON.stringify(body) : undefined,
    }).then((r) => r.json());
}

/** Memory figures in MB, summed over the dashboard's processes. */
export interface MemoryFigures {
  rss: number;
  heapUsed: number;
  external: number;
}

export interface MemoryProbe {
  /** The latest figures the processes wrote (at most 100 ms old). */
  read(): MemoryFigures;
  /** Has every process collect its garbage, and resolves once they all have. */
  collect(): Promise<void>;
}

const PROBE = path.resolve("tests/bench/support/memory-probe.mjs");

function memoryProbe(dir: string, root: () => number): MemoryProbe {
  const figures = () =>
    treePids(root()).flatMap((pid) => {
      try {
        const f = JSON.parse(readFileSync(path.join(dir, `${pid}.json`), "utf8")) as MemoryFigures & {
          collected: number;
        };
        return [f];
      } catch {
        return [];
      }
    });
  const mb = (n: number) => n / 1024 / 1024;
  return {
    read: () =>
      figures().reduce(
        (sum, f) => ({
          rss: sum.rss + mb(f.rss),
          heapUsed: sum.heapUsed + mb(f.heapUsed),
          external: sum.external + mb(f.external),
        }),
        { rss: 0, heapUsed: 0, external: 0 },
      ),
    async collect() {
      const trigger = path.join(dir, "gc");
      writeFileSync(trigger, "");
      const now = new Date();
      utimesSync(trigger, now, now);
      const asked = statSync(trigger).mtimeMs;
      const deadline = Date.now() + 10_000;
      while (figures().some((f) => f.collected < asked)) {
        if (Date.now() > deadline) throw new Error("The dashboard's processes did not collect their garbage");
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

/**
 * The sandbox in its own process, as Intercom would be: its work then does not share the
 * dashboard's event loop, so figures measure the dashboard alone.
 */
async function startSandboxProcess(
  port: number,
  dashboardUrl: string,
  env: Record<string, string>,
): Promise<ChildProcess> {
  const child = spawn("npx", ["tsx", "lib/sandbox/cli.ts"], {
    env: { ...process.env, SANDBOX_PORT: String(port), SANDBOX_REDIRECT_ORIGINS: dashboardUrl, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/sandbox/health`)).ok) return child;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("The sandbox did not start");
    await new Promise((r) => setTimeout(r, 200));
  }
}

function kill(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    // already gone
  }
}

export function ensureBuild(): void {
  if (existsSync(".next/BUILD_ID")) return;
  console.log("No production build yet: running next build…");
  const res = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (res.status !== 0) throw new Error("next build failed");
}

export async function startDashboard(options: {
  port: number;
  sandboxPort: number;
  env?: Record<string, string>;
  sandboxEnv?: Record<string, string>;
  /** Preload the memory probe (bench-only) into the dashboard's processes. */
  memory?: boolean;
}): Promise<Dashboard> {
  ensureBuild();
  const dataDir = mkdtempSync(path.join(tmpdir(), "triage-bench-"));
  const memoryDir = options.memory ? mkdtempSync(path.join(tmpdir(), "triage-bench-memory-")) : null;
  const url = `http://localhost:${options.port}`;
  const sandbox = await startSandboxProcess(options.sandboxPort, url, options.sandboxEnv ?? {});
  const child = spawn("npm", ["start", "--", "-p", String(options.port)], {
    env: {
      ...process.env,
      PUBLIC_URL: url,
      SANDBOX: "on",
      SANDBOX_URL: `http://127.0.0.1:${options.sandboxPort}`,
      DATA_DIR: dataDir,
      AUTH_SECRET: "bench-secret",
      NEXT_TELEMETRY_DISABLED: "1",
      INTERCOM_CLIENT_ID: "",
      INTERCOM_CLIENT_SECRET: "",
      DATABASE_URL: "",
      ...(memoryDir
        ? {
            BENCH_MEMORY_DIR: memoryDir,
            NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${PROBE}`.trim(),
          }
        : {}),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  child.stdout?.on("data", (d) => (log += d));
  child.stderr?.on("data", (d) => (log += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/signin`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`The dashboard did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    sandboxUrl: `http://127.0.0.1:${options.sandboxPort}`,
    process: child,
    memory: memoryDir ? memoryProbe(memoryDir, () => child.pid!) : null,
    stop: async () => {
      kill(child);
      kill(sandbox);
      await new Promise((r) => setTimeout(r, 500));
      rmSync(dataDir, { recursive: true, force: true });
      if (memoryDir) rmSync(memoryDir, { recursive: true, force: true });
    },
  };
}

/** A tiny cookie jar: enough for next-auth's csrf, state and session cookies. */
class Jar {
  private cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair.indexOf("=");
      this.cookies.set(pair.slice(0, i).trim(), pair.slice(i + 1).trim());
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** Signs in to a sandbox workspace through the OAuth flow; returns the session's Cookie header. */
export async function signIn(dashboard: Dashboard, idCode: string, adminId?: string): Promise<string> {
  const jar = new Jar();
  const csrf = await fetch(`${dashboard.url}/api/auth/csrf`);
  jar.take(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const start = await fetch(`${dashboard.url}/api/auth/signin/intercom-sandbox?workspace=${idCode}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/", json: "true" }),
    redirect: "manual",
  });
  jar.take(start);
  const { url: authorize } = (await start.json()) as { url: string };
  const params = new URL(authorize).searchParams;
  const workspaces = (await (await fetch(`${dashboard.sandboxUrl}/sandbox/workspaces`)).json()) as {
    id_code: string;
  }[];
  if (!workspaces.some((w) => w.id_code === idCode)) throw new Error(`No sandbox workspace ${idCode}`);
  const me = adminId ?? (await firstAdmin(dashboard.sandboxUrl, idCode));
  const approve = await fetch(`${dashboard.sandboxUrl}/oauth/authorize`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_id: params.get("client_id")!,
      state: params.get("state")!,
      redirect_uri: params.get("redirect_uri")!,
      admin: `${idCode}:${me}`,
      decision: "approve",
    }),
    redirect: "manual",
  });
  const callback = approve.headers.get("location");
  if (!callback) throw new Error(`The sandbox did not redirect back (${approve.status})`);
  const done = await fetch(callback, { headers: { Cookie: jar.header() }, redirect: "manual" });
  jar.take(done);
  if (!jar.header().includes("session-token")) throw new Error(`No session after the callback (${done.status})`);
  return jar.header();
}

async function firstAdmin(sandboxUrl: string, idCode: string): Promise<string> {
  const list = (await (await fetch(`${sandboxUrl}/sandbox/workspaces`)).json()) as {
    id_code: string;
    access_token: string;
  }[];
  const ws = list.find((w) => w.id_code === idCode)!;
  const me = (await (
    await fetch(`${sandboxUrl}/me`, { headers: { Authorization: `Bearer ${ws.access_token}` } })
  ).json()) as { id: string };
  return me.id;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** A process and all its descendants (the dashboard runs under npx). */
function treePids(pid: number): number[] {
  const kids = execSync(`pgrep -P ${pid} || true`, { encoding: "utf8" }).split("\n").filter(Boolean).map(Number);
  return [pid, ...kids.flatMap(treePids)];
}

/** Resident memory, in MB, of a process and all its descendants. */
export function treeRssMb(root: number): number {
  return treePids(root).reduce((sum, pid) => {
    try {
      return sum + Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024;
    } catch {
      return sum;
    }
  }, 0);
}
