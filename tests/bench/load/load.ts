/**
 * Load: 100 virtual users search through the dashboard's typed search route
 * (`POST /api/w/{ws}/search/{resource}`, the call the search screens make) at once for 60 s,
 * with the sandbox answering after 100 ms and keeping Intercom's own rate limit (1,666 calls
 * per 10 s per workspace). Users are split over both seeded workspaces, each workspace
 * with its own signed-in session; each user loops without pause over ticket,
 * conversation and contact searches, as a crowd of leads refreshing their views would.
 *
 * Expected: every answer is a 200 or a 429 passed on from Intercom, never anything else.
 * Printed: p50/p95/p99 of all answers and of the 200s, requests/s, answers by status.
 * Memory: the dashboard's RSS, after a warm-up under the same load, grows < 50 MB by the end.
 */
import { report } from "../support/result";
import { percentile, signIn, startDashboard, treeRssMb } from "../support/server";

const USERS = Number(process.env.BENCH_USERS ?? 100);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 60_000);
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 10_000);
const LATENCY_MS = 100;

const SEARCHES: [string, unknown][] = [
  ["tickets", { field: "open", operator: "=", value: true }],
  [
    "tickets",
    {
      operator: "AND",
      value: [
        { field: "open", operator: "=", value: true },
        { field: "category", operator: "=", value: "request" },
      ],
    },
  ],
  [
    "conversations",
    {
      operator: "AND",
      value: [
        { field: "open", operator: "=", value: true },
        { field: "priority", operator: "=", value: "priority" },
      ],
    },
  ],
  ["contacts", { field: "role", operator: "=", value: "user" }],
];

interface Sample {
  ms: number;
  status: number;
}

const dashboard = await startDashboard({ port: 3207, sandboxPort: 4207 });
try {
  const workspaces = (await (await fetch(`${dashboard.sandboxUrl}/sandbox/workspaces`)).json()) as {
    id_code: string;
  }[];
  const sessions = await Promise.all(
    workspaces.map(async (w) => ({ ws: w.id_code, cookie: await signIn(dashboard, w.id_code) })),
  );
  await fetch(`${dashboard.sandboxUrl}/sandbox/faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ latency_ms: LATENCY_MS }),
  });

  const search = async (user: number, n: number): Promise<Sample> => {
    const { ws, cookie } = sessions[user % sessions.length];
    const [resource, query] = SEARCHES[(user + n) % SEARCHES.length];
    const started = performance.now();
    try {
      const res = await fetch(`${dashboard.url}/api/w/${ws}/search/${resource}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json",
          Cookie: cookie,
          Origin: dashboard.url,
        },
        body: JSON.stringify({ query, per_page: 25 }),
      });
      await res.arrayBuffer();
      return { ms: performance.now() - started, status: res.status };
    } catch {
      // A dropped connection counts as an error, under status 0.
      return { ms: performance.now() - started, status: 0 };
    }
  };

  /** Every user searching without pause until `until`; the answers, in order of arrival. */
  const run = async (until: number): Promise<Sample[]> => {
    const out: Sample[] = [];
    await Promise.all(
      Array.from({ length: USERS }, async (_, user) => {
        for (let n = 0; Date.now() < until; n++) out.push(await search(user, n));
      }),
    );
    return out;
  };

  await run(Date.now() + WARMUP_MS);
  const rssBefore = treeRssMb(dashboard.process.pid!);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, treeRssMb(dashboard.process.pid!))), 1000);
  const started = performance.now();
  const samples = await run(Date.now() + DURATION_MS);
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  // Let in-flight work settle and the collector run before the final reading.
  await new Promise((r) => setTimeout(r, 3000));
  const rssAfter = treeRssMb(dashboard.process.pid!);

  const byStatus = new Map<number, number>();
  for (const s of samples) byStatus.set(s.status, (byStatus.get(s.status) ?? 0) + 1);
  const all = samples.map((s) => s.ms).sort((a, b) => a - b);
  const ok = samples
    .filter((s) => s.status === 200)
    .map((s) => s.ms)
    .sort((a, b) => a - b);
  const errors = samples.filter((s) => s.status !== 200 && s.status !== 429).length;
  const fmt = (v: number) => v.toFixed(1).padStart(8);

  console.log(
    `\nLoad: ${USERS} users searching through the typed search route for ${(DURATION_MS / 1000).toFixed(0)} s (after ${(WARMUP_MS / 1000).toFixed(0)} s of warm-up), sandbox latency ${LATENCY_MS} ms, Intercom's rate limit, ${sessions.length} workspaces`,
  );
  console.log("  answers        count      p50 ms   p95 ms   p99 ms");
  console.log(
    `  all       ${String(all.length).padStart(9)}  ${fmt(percentile(all, 50))} ${fmt(percentile(all, 95))} ${fmt(percentile(all, 99))}`,
  );
  console.log(
    `  200 only  ${String(ok.length).padStart(9)}  ${fmt(percentile(ok, 50))} ${fmt(percentile(ok, 95))} ${fmt(percentile(ok, 99))}`,
  );
  console.log(`  requests/s ${(all.length / seconds).toFixed(0)} (${(ok.length / seconds).toFixed(0)} answered 200)`);
  console.log(
    `  by status: ${[...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s === 0 ? "connection error" : s} × ${n}`)
      .join(", ")}`,
  );
  console.log(`  errors other than 429: ${errors}   (budget 0)`);
  console.log(
    `  dashboard RSS: ${rssBefore.toFixed(0)} MB after warm-up, ${rssPeak.toFixed(0)} MB at peak, ${rssAfter.toFixed(0)} MB at the end: ${rssAfter - rssBefore >= 0 ? "+" : ""}${(rssAfter - rssBefore).toFixed(0)} MB   (budget < 50 MB)`,
  );

  report({ bench: "load", figure: "p50, all answers", value: Number(percentile(all, 50).toFixed(1)), unit: "ms" });
  report({ bench: "load", figure: "p95, all answers", value: Number(percentile(all, 95).toFixed(1)), unit: "ms" });
  report({ bench: "load", figure: "p99, all answers", value: Number(percentile(all, 99).toFixed(1)), unit: "ms" });
  report({ bench: "load", figure: "p99, answers 200", value: Number(percentile(ok, 99).toFixed(1)), unit: "ms" });
  report({ bench: "load", figure: "requests/s", value: Math.round(all.length / seconds), unit: "req/s" });
  report({ bench: "load", figure: "429s relayed", value: byStatus.get(429) ?? 0, unit: "answers" });
  report({ bench: "load", figure: "errors other than 429", value: errors, unit: "answers", max: 0 });
  report({
    bench: "load",
    figure: "RSS growth",
    value: Number((rssAfter - rssBefore).toFixed(1)),
    unit: "MB",
    max: 50,
  });
} finally {
  await dashboard.stop();
}
