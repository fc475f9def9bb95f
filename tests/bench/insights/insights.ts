/**
 * Insights for 90 days through the dashboard, at Intercom's default rate limit (1,666 calls
 * per 10 s) with 100 ms of latency per call, on a sandbox at scale 4 (about 6,000
 * conversations and 2,500 tickets over four months):
 *
 * - cold (an empty cache): the time taken, the Intercom calls made, and side by side the
 *   sequential floor of those calls (one at a time, 100 ms each) and the calls a count per
 *   day and per chart (one `total_count` search each) would need instead;
 * - from the cache: the route's time and its calls (none), then the page in Chromium until
 *   its first chart's bars are links a lead can click (target ≤ 1 s).
 *
 * BENCH_PORT and BENCH_SANDBOX_PORT move it off its default ports (3206, 4206).
 */
import { launch, signInPage } from "../support/browser";
import { report } from "../support/result";
import { startDashboard } from "../support/server";

const SCALE = 4;
const LATENCY_MS = 100;
const dashboard = await startDashboard({
  port: Number(process.env.BENCH_PORT ?? 3206),
  sandboxPort: Number(process.env.BENCH_SANDBOX_PORT ?? 4206),
  sandboxEnv: { SANDBOX_SCALE: String(SCALE) },
});
const browser = await launch();
const control = (path: string, method = "GET", body?: unknown) =>
  fetch(`${dashboard.sandboxUrl}${path}`, {
    method,
    headers: body ? { "Content-Type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  }).then((r) => r.json());

try {
  const page = await browser.newPage();
  const ws = await signInPage(page, dashboard.url);
  await control("/sandbox/faults", "DELETE");
  await control("/sandbox/faults", "POST", { latency_ms: LATENCY_MS });

  const ask = async (query: string) => {
    await control("/sandbox/requests", "DELETE");
    const result = await page.evaluate(async (url) => {
      const t0 = performance.now();
      const res = await fetch(url);
      const body = (await res.json()) as { calls: number; charts: { missing?: unknown }[] };
      return {
        ms: performance.now() - t0,
        status: res.status,
        calls: body.calls,
        missing: body.charts.filter((c) => c.missing).length,
      };
    }, `${dashboard.url}/api/w/${ws}/insights?${query}`);
    const log = (await control("/sandbox/requests")) as { requests: { path: string; status: number }[] };
    return { ...result, requests: log.requests.length, limited: log.requests.filter((r) => r.status === 429).length };
  };

  console.log(`\nInsights, 90 days by week (sandbox scale ${SCALE}, ${LATENCY_MS} ms latency, default rate limit):`);
  const cold = await ask("range=90");
  const floor = (cold.requests * LATENCY_MS) / 1000;
  // Counting instead: one search per day for each of the four dated charts, plus the five
  // waiting buckets and the two open counts; and every split multiplies the dated ones.
  const perDay = 90 * 4 + 5 + 2;
  console.log(
    `  cold            ${(cold.ms / 1000).toFixed(2).padStart(6)} s   ${cold.requests} Intercom calls (${cold.limited} answered 429), HTTP ${cold.status}, ${cold.missing} charts missing`,
  );
  console.log(
    `  sequential floor of those calls at ${LATENCY_MS} ms: ${floor.toFixed(2)} s (${(cold.ms / 1000 / floor).toFixed(2)}× of it)`,
  );
  console.log(`  counting per day instead: ${perDay} calls (${(perDay / cold.requests).toFixed(1)}× as many)`);
  report({ bench: "insights", figure: "90 days cold, Intercom calls", value: cold.requests, unit: "", max: 300 });
  report({ bench: "insights", figure: "90 days cold, time", value: Number((cold.ms / 1000).toFixed(2)), unit: "s" });
  report({ bench: "insights", figure: "90 days cold, 429s", value: cold.limited, unit: "", max: 0 });

  const warm = await ask("range=90");
  console.log(
    `  from the cache  ${(warm.ms / 1000).toFixed(2).padStart(6)} s   ${warm.requests} Intercom calls, HTTP ${warm.status}`,
  );
  report({ bench: "insights", figure: "90 days from the cache, route", value: Math.round(warm.ms), unit: "ms" });

  // The page, from the cache: until the first chart's bars are links.
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = Date.now();
    await page.goto(`${dashboard.url}/w/${ws}/insights?range=90`);
    await page
      .getByRole("link", { name: /conversations/i })
      .first()
      .waitFor();
    times.push(Date.now() - t0);
  }
  const median = times.toSorted((a, b) => a - b)[2];
  console.log(`  page interactive from the cache: median ${median} ms (${times.join(", ")})`);
  report({
    bench: "insights",
    figure: "90 days from the cache, page interactive",
    value: median,
    unit: "ms",
    max: 1000,
  });
} finally {
  await browser.close();
  await dashboard.stop();
}
