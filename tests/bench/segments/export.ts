/**
 * CSV export of a segment of 5,000+ members (sandbox at scale 26), through the dashboard as a
 * lead runs it: prints the time taken, the rows, and the requests made to Intercom, at
 * Intercom's default rate limit and at a tight one (the export must pace, not fail).
 */
import { launch, signInPage } from "../support/browser";
import { report } from "../support/result";
import { startDashboard, sandboxControl } from "../support/server";

const SCALE = Number(process.env.BENCH_SCALE ?? 26);
const dashboard = await startDashboard({ port: 3204, sandboxPort: 4204, sandboxEnv: { SANDBOX_SCALE: String(SCALE) } });
const browser = await launch();
const control = sandboxControl(dashboard);

try {
  const page = await browser.newPage();
  const ws = await signInPage(page, dashboard.url);
  const [workspace] = (await control("/sandbox/workspaces")) as { id_code: string; access_token: string }[];
  const list = (await (
    await fetch(`${dashboard.sandboxUrl}/segments?include_count=true`, {
      headers: { Authorization: `Bearer ${workspace.access_token}` },
    })
  ).json()) as { segments: { id: string; name: string; count: number }[] };
  const segment = list.segments.toSorted((a, b) => b.count - a.count)[0];

  const run = async (label: string, faults: Record<string, number> | null) => {
    await control("/sandbox/faults", "DELETE");
    if (faults) await control("/sandbox/faults", "POST", faults);
    await control("/sandbox/requests", "DELETE");
    const result = await page.evaluate(async (url) => {
      const t0 = performance.now();
      const res = await fetch(url);
      const text = await res.text();
      return {
        ms: performance.now() - t0,
        status: res.status,
        rows: text.split("\n").length - 2,
        bytes: text.length,
        total: Number(res.headers.get("X-Total-Count")),
      };
    }, `${dashboard.url}/api/w/${ws}/segments/${segment.id}/export`);
    const log = (await control(`/sandbox/requests?id_code=${workspace.id_code}`)) as {
      requests: { path: string; status: number }[];
    };
    const searches = log.requests.filter((r) => r.path === "/contacts/search");
    const limited = log.requests.filter((r) => r.status === 429).length;
    report({
      bench: "export",
      figure: `CSV of ${result.rows} members, ${label}`,
      value: Number((result.ms / 1000).toFixed(2)),
      unit: "s",
    });
    report({ bench: "export", figure: `429s, ${label}`, value: limited, unit: "", max: 0 });
    console.log(
      `  ${label.padEnd(32)} ${(result.ms / 1000).toFixed(2).padStart(6)} s   ${result.rows} rows of ${result.total}   ${searches.length} searches, ${log.requests.length} calls in all, ${limited} answered 429   ${(result.bytes / 1e6).toFixed(1)} MB   HTTP ${result.status}`,
    );
  };

  console.log(
    `\nCSV export of "${segment.name}" (${segment.count} members, sandbox scale ${SCALE}), 150 members per search page:`,
  );
  await run("default rate limit (1,666 / 10 s)", null);
  await run("tight rate limit (10 / 1 s)", { rate_limit_per_window: 10, window_seconds: 1 });
  await run("50 ms Intercom latency", { latency_ms: 50 });
} finally {
  await browser.close();
  await dashboard.stop();
}
