/**
 * Route overhead: the same search, called straight at the sandbox with a token and through
 * the dashboard's typed search route (`POST /api/w/{ws}/search/{resource}`) with a
 * signed-in session, in one run. The route adds the session, the workspace check, zod
 * parsing, the write guard and turning Intercom's answer into table rows. Latency is
 * measured one request at a time; throughput with several clients at once. Both paths ask
 * for uncompressed answers, so the figures are the route's own cost, not gzip's. The
 * sandbox runs in its own process, as Intercom would.
 *
 * Contacts by default: for them the route makes exactly the one search call the direct
 * path makes (the catalogue it names attributes with is cached after the warm-up).
 * Tickets and conversations (BENCH_RESOURCE) also look up their contacts' names: one more
 * Intercom call per page, which the figures then include.
 *
 * Scenarios: the sandbox answering at once (the route's cost laid bare), and with 50 ms
 * of latency (closer to a real Intercom round trip).
 * Targets: p50 overhead at most 3 ms; route throughput at least 70% of direct.
 */
import { report } from "../support/result";
import { percentile, signIn, startDashboard } from "../support/server";

const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 6000);
const LATENCY_SAMPLES = Number(process.env.BENCH_SAMPLES ?? 400);
const RESOURCE = process.env.BENCH_RESOURCE ?? "contacts";
const PER_PAGE = Number(process.env.BENCH_PER_PAGE ?? 20);
const OPEN = { field: "open", operator: "=", value: true };
const QUERIES: Record<string, unknown> = {
  conversations: {
    operator: "AND",
    value: [
      OPEN,
      {
        operator: "OR",
        value: [
          { field: "priority", operator: "=", value: "priority" },
          { field: "state", operator: "=", value: "open" },
        ],
      },
    ],
  },
  tickets: {
    operator: "AND",
    value: [
      OPEN,
      {
        operator: "OR",
        value: [
          { field: "category", operator: "=", value: "request" },
          { field: "category", operator: "=", value: "task" },
        ],
      },
    ],
  },
  contacts: {
    operator: "AND",
    value: [
      { field: "role", operator: "=", value: "user" },
      { field: "custom_attributes.health_score", operator: ">", value: 20 },
    ],
  },
};
/** Intercom's search body, and the typed route's for the same search. */
const DIRECT_BODY = JSON.stringify({ query: QUERIES[RESOURCE], pagination: { per_page: PER_PAGE } });
const ROUTE_BODY = JSON.stringify({ query: QUERIES[RESOURCE], per_page: PER_PAGE });

type Send = () => Promise<Response>;

async function latency(send: Send, samples: number): Promise<{ p50: number; p99: number }> {
  const out: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    const res = await send();
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`answered ${res.status}`);
    out.push(performance.now() - t);
  }
  out.sort((a, b) => a - b);
  return { p50: percentile(out, 50), p99: percentile(out, 99) };
}

async function throughput(send: Send, concurrency: number): Promise<{ rps: number; errors: number }> {
  let n = 0;
  let errors = 0;
  const end = Date.now() + DURATION_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const res = await send();
        await res.arrayBuffer();
        n++;
        if (!res.ok) errors++;
      }
    }),
  );
  return { rps: n / ((performance.now() - started) / 1000), errors };
}

const dashboard = await startDashboard({ port: 3201, sandboxPort: 4201 });
try {
  const [ws] = (await (await fetch(`${dashboard.sandboxUrl}/sandbox/workspaces`)).json()) as {
    id_code: string;
    access_token: string;
  }[];
  const cookie = await signIn(dashboard, ws.id_code);
  const faults = (settings: object) =>
    fetch(`${dashboard.sandboxUrl}/sandbox/faults`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(settings),
    });
  // Measure the route, not the rate limit.
  await faults({ rate_limit_per_window: 1_000_000 });
  const common = { "Content-Type": "application/json", Accept: "application/json", "Accept-Encoding": "identity" };
  const direct: Send = () =>
    fetch(`${dashboard.sandboxUrl}/${RESOURCE}/search`, {
      method: "POST",
      headers: { ...common, Authorization: `Bearer ${ws.access_token}` },
      body: DIRECT_BODY,
    });
  const routed: Send = () =>
    fetch(`${dashboard.url}/api/w/${ws.id_code}/search/${RESOURCE}`, {
      method: "POST",
      headers: { ...common, Cookie: cookie, Origin: dashboard.url },
      body: ROUTE_BODY,
    });
  for (let i = 0; i < 200; i++) {
    await (await routed()).arrayBuffer();
    await (await direct()).arrayBuffer();
  }

  const rows: string[] = [];
  let verdict = "";
  for (const scenario of [
    { label: "no latency", latencyMs: 0, concurrency: 4, samples: LATENCY_SAMPLES },
    { label: "50 ms latency", latencyMs: 50, concurrency: 16, samples: 60 },
  ]) {
    await faults({ latency_ms: scenario.latencyMs });
    const lat = { direct: await latency(direct, scenario.samples), route: await latency(routed, scenario.samples) };
    const thr = {
      direct: await throughput(direct, scenario.concurrency),
      route: await throughput(routed, scenario.concurrency),
    };
    for (const k of ["direct", "route"] as const) {
      rows.push(
        `${scenario.label.padEnd(14)} ${k.padEnd(7)} ${lat[k].p50.toFixed(2).padStart(8)} ${lat[k].p99.toFixed(2).padStart(8)} ${thr[k].rps.toFixed(0).padStart(8)} ${String(scenario.concurrency).padStart(6)} ${String(thr[k].errors).padStart(7)}`,
      );
    }
    const overhead = lat.route.p50 - lat.direct.p50;
    const ratio = thr.route.rps / thr.direct.rps;
    report({
      bench: "route",
      figure: `p50 overhead, ${scenario.label}`,
      value: Number(overhead.toFixed(2)),
      unit: "ms",
      max: 3,
    });
    report({
      bench: "route",
      figure: `throughput vs direct, ${scenario.label}`,
      value: Math.round(ratio * 100),
      unit: "%",
      min: 70,
    });
    verdict += `${scenario.label}: p50 overhead ${overhead.toFixed(2)} ms (budget 3 ms: ${overhead <= 3 ? "within" : "OVER"}), throughput ${(ratio * 100).toFixed(0)}% of direct (budget ≥ 70%: ${ratio >= 0.7 ? "within" : "UNDER"})\n`;
  }
  console.log(
    `\nRoute overhead: ${RESOURCE} search through /search/${RESOURCE} vs the sandbox directly, ${PER_PAGE} per page; latency from sequential requests, throughput for ${DURATION_MS / 1000} s`,
  );
  console.log("scenario       path      p50 ms   p99 ms    req/s  conc.  errors");
  console.log(rows.join("\n"));
  console.log(`\n${verdict}`);
} finally {
  await dashboard.stop();
}
