/**
 * The sandbox's start-up, memory and search latency. The sandbox runs in a child process
 * (tests/bench/sandbox/serve.ts) so its figures are its own; this process is the client.
 *
 * - start-up time at the default scale and at scale 10;
 * - resident memory after start-up at the default scale (target: at most 150 MB);
 * - at scale 10, a nested three-filter search returning 150 per page, paged through several
 *   pages again and again: p50/p95/p99 per page over at least 200 requests (target p50 ≤ 20 ms),
 *   for conversations and for tickets (whose objects embed their full ticket type).
 *
 * Prints figures; never asserts. Run: npx tsx tests/bench/sandbox/search.ts
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { report } from "../support/result";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const PAGES_PER_ROUND = Number(process.env.BENCH_PAGES ?? 5);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 250);
const WARMUP = 20;
const MB = 1024 * 1024;

interface Started {
  child: ChildProcess;
  url: string;
  startupMs: number;
  rss: number;
  rssAfterGc: number | null;
  token: string;
}

/** Starts the sandbox alone in a child process and waits for its report line. */
async function startChild(scale: number): Promise<Started> {
  const child = spawn(
    process.execPath,
    ["--expose-gc", "--import", "tsx", "tests/bench/sandbox/serve.ts", String(scale)],
    {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const lines = createInterface({ input: child.stdout! });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once("line", resolve);
    child.once("exit", (code) => reject(new Error(`sandbox child exited with ${code}`)));
  });
  const report = JSON.parse(first) as {
    url: string;
    startupMs: number;
    rss: number;
    rssAfterGc: number | null;
    workspaces: { access_token: string }[];
  };
  return {
    child,
    url: report.url,
    startupMs: report.startupMs,
    rss: report.rss,
    rssAfterGc: report.rssAfterGc,
    token: report.workspaces[0].access_token,
  };
}

async function stopChild(s: Started): Promise<void> {
  const exited = new Promise((resolve) => s.child.once("exit", resolve));
  s.child.kill("SIGTERM");
  await exited;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface Figures {
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  kbPerPage: number;
  total: number;
}

/** Pages through the first PAGES_PER_ROUND pages of a search, round after round. */
async function pageRepeatedly(s: Started, resource: "tickets" | "conversations", query: unknown): Promise<Figures> {
  const samples: number[] = [];
  let bytes = 0;
  let total = 0;
  let sent = 0;
  while (samples.length < REQUESTS) {
    let cursor: string | undefined;
    for (let page = 0; page < PAGES_PER_ROUND; page++) {
      const body = JSON.stringify({
        query,
        pagination: { per_page: 150, ...(cursor ? { starting_after: cursor } : {}) },
      });
      const t = performance.now();
      const res = await fetch(`${s.url}/${resource}/search`, {
        method: "POST",
        headers: { Authorization: `Bearer ${s.token}`, "Content-Type": "application/json" },
        body,
      });
      const text = await res.text();
      const ms = performance.now() - t;
      if (!res.ok) throw new Error(`${resource} search answered ${res.status}: ${text.slice(0, 200)}`);
      const json = JSON.parse(text) as { total_count: number; pages: { next?: { starting_after: string } } };
      if (++sent > WARMUP) {
        samples.push(ms);
        bytes += text.length;
      }
      total = json.total_count;
      cursor = json.pages.next?.starting_after;
      if (!cursor) break;
    }
  }
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    requests: samples.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    kbPerPage: bytes / samples.length / 1024,
    total,
  };
}

const f = (field: string, operator: string, value: unknown) => ({ field, operator, value });
const CONVERSATIONS_QUERY = {
  operator: "AND",
  value: [
    f("open", "=", true),
    { operator: "OR", value: [f("priority", "=", "priority"), f("statistics.count_reopens", ">", 0)] },
  ],
};
const TICKETS_QUERY = {
  operator: "AND",
  value: [
    f("open", "=", true),
    { operator: "OR", value: [f("category", "=", "request"), f("state", "=", "in_progress")] },
  ],
};

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(8);

async function main() {
  console.log(
    "Sandbox benchmark: the sandbox runs in a child process (node --import tsx tests/bench/sandbox/serve.ts); this process is the HTTP client.\n",
  );

  const small = await startChild(1);
  await stopChild(small);
  const big = await startChild(10);
  // The bench sends far more than 1,666 requests in 10 s: lift the sandbox's own rate limit.
  await fetch(`${big.url}/sandbox/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ rate_limit_per_window: 1_000_000 }),
  });

  console.log("Start-up and memory");
  console.log("  scale   start-up (ms)   RSS after start-up (MB)   RSS after GC (MB)");
  for (const [scale, s] of [
    [1, small],
    [10, big],
  ] as const) {
    const gc = s.rssAfterGc === null ? "n/a" : (s.rssAfterGc / MB).toFixed(1);
    console.log(
      `  ${String(scale).padStart(5)}   ${fmt(s.startupMs, 0).padStart(13)}   ${(s.rss / MB).toFixed(1).padStart(23)}   ${gc.padStart(17)}`,
    );
  }
  console.log(`  target: RSS at scale 1 ≤ 150 MB → ${(small.rss / MB).toFixed(1)} MB\n`);
  report({ bench: "sandbox", figure: "start-up, scale 1", value: Math.round(small.startupMs), unit: "ms", max: 2000 });
  report({
    bench: "sandbox",
    figure: "RSS after start-up, scale 1",
    value: Number((small.rss / MB).toFixed(1)),
    unit: "MB",
    max: 150,
  });

  const results: [string, Figures][] = [];
  results.push(["conversations", await pageRepeatedly(big, "conversations", CONVERSATIONS_QUERY)]);
  results.push(["tickets", await pageRepeatedly(big, "tickets", TICKETS_QUERY)]);
  await stopChild(big);

  console.log(
    `Nested 3-filter search at scale 10, 150 per page, first ${PAGES_PER_ROUND} pages again and again (${WARMUP} warm-up requests not counted)`,
  );
  console.log("  resource        matches  requests   p50 (ms)   p95 (ms)   p99 (ms)  mean (ms)  KB/page");
  for (const [name, r] of results) {
    console.log(
      `  ${name.padEnd(14)} ${String(r.total).padStart(8)} ${String(r.requests).padStart(9)} ${fmt(r.p50, 2)}   ${fmt(r.p95, 2)}   ${fmt(r.p99, 2)}  ${fmt(r.mean, 2)} ${fmt(r.kbPerPage, 0)}`,
    );
  }
  console.log("  target: p50 ≤ 20 ms per page");
  for (const [name, r] of results)
    report({
      bench: "sandbox",
      figure: `${name} search p50, scale 10`,
      value: Number(r.p50.toFixed(2)),
      unit: "ms",
      max: 20,
    });
  console.log("  conversations: open = true AND (priority = priority OR statistics.count_reopens > 0)");
  console.log("  tickets:       open = true AND (category = request OR state = in_progress)");
}

await main();
