/**
 * Bulk triage throughput and memory, through the dashboard as a lead runs it.
 *
 * - 1,000 state changes with the sandbox limited to 100 requests per 1 s window and 100 ms
 *   latency: the floor is 10 s (one call per ticket at the limit). Printed: elapsed time,
 *   requests, 429s, and the ratio to the floor and to a naive sequential loop run in the same
 *   session on another 1,000 tickets. Target: ≤ 1.15× the floor, 429s ≤ 1% of requests.
 * - A 10,000-ticket job: the dashboard process's extra RSS while it is created and run.
 *   Target: < 50 MB (items are stored and read in pages; only what is in flight is held). The
 *   server runs as `npm start` runs it, with its heap capped at 1 GB (see the README).
 *
 *   Measured the same way before and after: the server is warmed up by a small job, its garbage
 *   collected once (so buffers freed late at start-up do not fall inside the job), then idle
 *   samples are taken and their median kept; the job's figure is its peak over that baseline,
 *   and what is still held after the same idle time is printed beside it. The JS heap is read
 *   from a probe preloaded into the bench's server only (tests/bench/support/memory-probe.mjs).
 *
 * BENCH_PORT and BENCH_SANDBOX_PORT move it off its default ports (3205, 4205). BENCH_PARTS=memory
 * runs only the 10,000-ticket job; BENCH_BASELINE=0 skips the sequential loop.
 */
import { report } from "../support/result";
import { signIn, startDashboard, treeRssMb, type MemoryFigures, sandboxControl } from "../support/server";

const SCALE = 18;
const MEMORY_BUDGET_MB = 50;
const dashboard = await startDashboard({
  port: Number(process.env.BENCH_PORT ?? 3205),
  sandboxPort: Number(process.env.BENCH_SANDBOX_PORT ?? 4205),
  sandboxEnv: { SANDBOX_SCALE: String(SCALE) },
  env: { BULK_CONCURRENCY: process.env.BULK_CONCURRENCY ?? "16" },
  memory: true,
});
const onlyMemory = process.env.BENCH_PARTS === "memory";
const control = sandboxControl(dashboard);

interface Ticket {
  id: string;
  ticket_state: { category: string };
}

try {
  const [ws] = (await control("/sandbox/workspaces")) as { id_code: string; access_token: string }[];
  const auth = {
    Authorization: `Bearer ${ws.access_token}`,
    "Content-Type": "application/json",
    Accept: "application/json",
  };
  const cookie = await signIn(dashboard, ws.id_code);
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${dashboard.url}/api/w/${ws.id_code}${path}`, {
      method,
      headers: { Cookie: cookie, Origin: dashboard.url, ...(body ? { "Content-Type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  // Every ticket, once, straight from the sandbox.
  const tickets: Ticket[] = [];
  let cursor: string | undefined;
  do {
    const page = (await (
      await fetch(`${dashboard.sandboxUrl}/tickets/search`, {
        method: "POST",
        headers: auth,
        body: JSON.stringify({
          query: { field: "created_at", operator: ">", value: 0 },
          pagination: { per_page: 150, ...(cursor ? { starting_after: cursor } : {}) },
        }),
      })
    ).json()) as { tickets: Ticket[]; pages?: { next?: { starting_after?: string } } };
    tickets.push(...page.tickets);
    cursor = page.pages?.next?.starting_after;
  } while (cursor);
  const movable = tickets.filter((t) => t.ticket_state.category !== "in_progress");
  // Each ticket type's own first in-progress state (a type without one is skipped).
  const types = (await (await fetch(`${dashboard.sandboxUrl}/ticket_types`, { headers: auth })).json()) as {
    data: { id: string; ticket_states: { data: { id: string; category: string }[] } }[];
  };
  const inProgress = Object.fromEntries(
    types.data.flatMap((t) => {
      const s = t.ticket_states.data.find((x) => x.category === "in_progress");
      return s ? [[t.id, s.id]] : [];
    }),
  );
  const forJob = movable.slice(0, 1000).map((t) => t.id);
  // BENCH_BASELINE=0 skips the (slow) sequential loop while iterating.
  const forBaseline = movable.slice(1000, 1000 + Number(process.env.BENCH_BASELINE ?? 1000)).map((t) => t.id);

  const waitFor = async (id: string) => {
    for (;;) {
      const job = await api<{ state: string; counts: Record<string, number> }>("GET", `/bulk-jobs/${id}`);
      if (["completed", "cancelled", "paused"].includes(job.state)) return job;
      await new Promise((r) => setTimeout(r, 100));
    }
  };

  async function throughput() {
    // --- 1,000 state changes through the dashboard's job runner ---
    await control("/sandbox/faults", "DELETE");
    await control("/sandbox/faults", "POST", { rate_limit_per_window: 100, window_seconds: 1, latency_ms: 100 });
    // A fresh window for the job.
    await new Promise((r) => setTimeout(r, 1100));
    await control("/sandbox/requests", "DELETE");
    const wall0 = Date.now();
    const t0 = performance.now();
    const created = await api<{ id: string }>("POST", "/bulk-jobs", {
      selection: { kind: "ids", ids: forJob },
      action: { type: "set_state", states: inProgress },
    });
    const answered = (performance.now() - t0) / 1000;
    const job = await waitFor(created.id);
    const elapsed = (performance.now() - t0) / 1000;
    const wall1 = Date.now();
    const jobLog = (await control(`/sandbox/requests?id_code=${ws.id_code}`)) as {
      requests: { status: number; path: string; method: string; at: number }[];
    };
    const puts = jobLog.requests.filter((r) => r.method === "PUT");
    const jobCalls = jobLog.requests.length;
    const job429 = jobLog.requests.filter((r) => r.status === 429).length;

    // --- the baseline: a naive sequential loop, one PUT after another, waiting out 429s ---
    await new Promise((r) => setTimeout(r, 1100));
    await control("/sandbox/requests", "DELETE");
    const b0 = performance.now();
    for (const id of forBaseline) {
      const full = (await (await fetch(`${dashboard.sandboxUrl}/tickets/${id}`, { headers: auth })).json()) as {
        ticket_type: { id: string };
      };
      const state = types.data
        .find((t) => t.id === full.ticket_type.id)!
        .ticket_states.data.find((s) => s.category === "in_progress")!;
      for (;;) {
        const res = await fetch(`${dashboard.sandboxUrl}/tickets/${id}`, {
          method: "PUT",
          headers: auth,
          body: JSON.stringify({ ticket_state_id: state.id }),
        });
        await res.arrayBuffer();
        if (res.status !== 429) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
    const baseline = (performance.now() - b0) / 1000;
    const baseLog = (await control(`/sandbox/requests?id_code=${ws.id_code}`)) as { requests: { status: number }[] };

    const floor = 1000 / 100;
    console.log(
      `\nBulk state change of 1,000 tickets (sandbox: 100 requests per 1 s window, 100 ms latency; floor ${floor} s)`,
    );
    console.log(
      `  dashboard job        ${elapsed.toFixed(2).padStart(7)} s   ${jobCalls} requests (job creation included), ${job429} answered 429 (${((job429 / jobCalls) * 100).toFixed(2)}%)   ${job.counts.succeeded} succeeded, ${job.counts.failed} failed`,
    );
    console.log(
      `    of which: creating the job ${((puts[0].at - wall0) / 1000).toFixed(2)} s (its request answered in ${answered.toFixed(2)} s), the changes ${((puts.at(-1)!.at - puts[0].at) / 1000).toFixed(2)} s, reporting it done ${((wall1 - puts.at(-1)!.at) / 1000).toFixed(2)} s`,
    );
    console.log(
      `  naive sequential     ${baseline.toFixed(2).padStart(7)} s   ${baseLog.requests.length} requests (a read and a write per ticket)`,
    );
    console.log(`  ratio to the floor   ${(elapsed / floor).toFixed(2)}×   (budget ≤ 1.15×)`);
    report({
      bench: "bulk",
      figure: "1,000 state changes, ratio to the floor",
      value: Number((elapsed / floor).toFixed(2)),
      unit: "×",
      max: 1.15,
    });
    report({
      bench: "bulk",
      figure: "1,000 state changes, 429s",
      value: Number(((job429 / jobCalls) * 100).toFixed(2)),
      unit: "% of requests",
      max: 1,
    });
    if (forBaseline.length > 0)
      report({
        bench: "bulk",
        figure: "1,000 state changes, speed-up over a sequential loop",
        value: Number((baseline / elapsed).toFixed(1)),
        unit: "×",
      });
    if (forBaseline.length > 0)
      console.log(
        `  ratio to the baseline ${(elapsed / baseline).toFixed(2)}×   (${(baseline / elapsed).toFixed(1)} times faster)`,
      );
  }

  if (!onlyMemory) await throughput();

  // --- memory: a 10,000-ticket job ---
  await control("/sandbox/faults", "DELETE");
  await control("/sandbox/faults", "POST", { rate_limit_per_window: 1_000_000, window_seconds: 1 });
  const probe = dashboard.memory!;
  const figures = (): MemoryFigures => ({ ...probe.read(), rss: treeRssMb(dashboard.process.pid!) });
  /** The median of a few idle samples, each figure on its own. */
  const settled = async (): Promise<MemoryFigures> => {
    const samples: MemoryFigures[] = [];
    for (let i = 0; i < 7; i++) {
      await new Promise((r) => setTimeout(r, 250));
      samples.push(figures());
    }
    const median = (k: keyof MemoryFigures) => samples.map((x) => x[k]).toSorted((a, b) => a - b)[3];
    return { rss: median("rss"), heapUsed: median("heapUsed"), external: median("external") };
  };
  const IDLE_MS = 2_000;
  // Warmed up: a small job over tickets the big one leaves alone runs the same code first.
  const warm = await api<{ id: string }>("POST", "/bulk-jobs", {
    selection: { kind: "ids", ids: tickets.slice(10_000, 10_300).map((t) => t.id) },
    action: { type: "set_shared", shared: true },
  });
  await waitFor(warm.id);
  await api("GET", "/bulk-jobs");
  await probe.collect();
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const idle = await settled();
  const peak = { ...idle };
  const sample = () => {
    const f = figures();
    peak.rss = Math.max(peak.rss, f.rss);
    peak.heapUsed = Math.max(peak.heapUsed, f.heapUsed);
    peak.external = Math.max(peak.external, f.external);
  };
  const sampler = setInterval(sample, 100);
  const m0 = performance.now();
  const big = await api<{ id: string; total: number }>("POST", "/bulk-jobs", {
    selection: { kind: "ids", ids: tickets.slice(0, 10_000).map((t) => t.id) },
    action: { type: "set_shared", shared: true },
  });
  sample();
  const createdPeak = { ...peak };
  const bigDone = await waitFor(big.id);
  sample();
  clearInterval(sampler);
  const seconds = ((performance.now() - m0) / 1000).toFixed(1);
  await new Promise((r) => setTimeout(r, IDLE_MS));
  const after = await settled();
  console.log(
    `\n10,000-ticket job (set shared; rate limit lifted): ${big.total} tickets in ${seconds} s, ${bigDone.counts.succeeded} changed, ${bigDone.counts.skipped} already shared`,
  );
  report({
    bench: "bulk",
    figure: "10,000-ticket job, extra RSS",
    value: Math.round(peak.rss - idle.rss),
    unit: "MB",
    max: MEMORY_BUDGET_MB,
  });
  const row = (name: string, k: keyof MemoryFigures) =>
    `    ${name.padEnd(10)} ${idle[k].toFixed(0).padStart(5)} MB idle   ${peak[k].toFixed(0).padStart(5)} MB at its peak (+${(peak[k] - idle[k]).toFixed(0)}: creating +${(createdPeak[k] - idle[k]).toFixed(0)}, running +${(peak[k] - createdPeak[k]).toFixed(0)} more)   ${after[k].toFixed(0).padStart(5)} MB idle after (${after[k] >= idle[k] ? "+" : ""}${(after[k] - idle[k]).toFixed(0)})`;
  console.log(`  dashboard memory (medians of idle samples; peaks sampled every 100 ms):`);
  console.log(row("RSS", "rss"));
  console.log(row("JS heap", "heapUsed"));
  console.log(row("external", "external"));
  console.log(
    `  extra RSS at its peak: +${(peak.rss - idle.rss).toFixed(0)} MB   (budget < ${MEMORY_BUDGET_MB} MB extra)`,
  );
} finally {
  await dashboard.stop();
}
