/**
 * `npm run bench`: every benchmark, one after the other (they share the machine's two cores,
 * so never at once), then one summary table of every figure against its budget, also written
 * to tests/bench/RESULTS.md with the date and the machine.
 *
 * `npm run bench -- load route` runs only the named benchmarks (by folder or file name);
 * RESULTS.md is written only by a full run.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { RESULT_PREFIX, withinBudget, type Result } from "./support/result";
import { ensureBuild } from "./support/server";

interface Bench {
  name: string;
  file: string;
  covers: string;
}

const BENCHES: Bench[] = [
  { name: "first-load", file: "tests/bench/first-load/routes.ts", covers: "first-load JavaScript per route" },
  { name: "lcp", file: "tests/bench/lcp/lcp.ts", covers: "Largest Contentful Paint per main page" },
  { name: "route", file: "tests/bench/route/search.ts", covers: "the typed search route's overhead and throughput" },
  { name: "search", file: "tests/bench/search/render.ts", covers: "search-to-render" },
  { name: "timeline", file: "tests/bench/records/timeline.ts", covers: "a 500-part conversation's timeline" },
  { name: "sandbox", file: "tests/bench/sandbox/search.ts", covers: "the sandbox's start-up, memory and search" },
  { name: "export", file: "tests/bench/segments/export.ts", covers: "a segment's CSV export" },
  { name: "bulk", file: "tests/bench/bulk/bulk.ts", covers: "bulk throughput and memory" },
  {
    name: "insights",
    file: "tests/bench/insights/insights.ts",
    covers: "Insights for 90 days, cold and from the cache",
  },
  { name: "load", file: "tests/bench/load/load.ts", covers: "100 users searching through the typed search route" },
];

const only = process.argv.slice(2);
const chosen =
  only.length === 0 ? BENCHES : BENCHES.filter((b) => only.some((o) => b.name === o || b.file.includes(o)));
if (chosen.length === 0) {
  console.error(`No benchmark named ${only.join(", ")}. Known: ${BENCHES.map((b) => b.name).join(", ")}`);
  process.exit(2);
}

/** Runs one benchmark, echoing its output; resolves with its figures and whether it completed. */
function runBench(bench: Bench): Promise<{ results: Result[]; ok: boolean; seconds: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn("npx", ["tsx", bench.file], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const results: Result[] = [];
    let pending = "";
    child.stdout.on("data", (chunk: Buffer) => {
      pending += chunk.toString("utf8");
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        if (line.startsWith(RESULT_PREFIX)) results.push(JSON.parse(line.slice(RESULT_PREFIX.length)) as Result);
        else process.stdout.write(`${line}\n`);
      }
    });
    child.on("close", (code) => resolve({ results, ok: code === 0, seconds: (Date.now() - started) / 1000 }));
  });
}

function budget(r: Result): string {
  if (r.max !== undefined) return `≤ ${r.max} ${r.unit}`;
  if (r.min !== undefined) return `≥ ${r.min} ${r.unit}`;
  return "(figure only)";
}

function verdict(r: Result): string {
  const within = withinBudget(r);
  return within === null ? "" : within ? "within" : "OVER";
}

/** A plain-text table with columns padded to their widest cell. */
function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i]))
        .join("  ")
        .trimEnd(),
    )
    .join("\n");
}

ensureBuild();

const all: { bench: Bench; results: Result[]; ok: boolean; seconds: number }[] = [];
for (const bench of chosen) {
  console.log(`\n━━ ${bench.name}: ${bench.covers} (${bench.file})`);
  all.push({ bench, ...(await runBench(bench)) });
}

const rows = [["bench", "figure", "value", "budget", ""]];
for (const { bench, results, ok } of all) {
  for (const r of results) rows.push([bench.name, r.figure, `${r.value} ${r.unit}`, budget(r), verdict(r)]);
  if (!ok) rows.push([bench.name, "(the benchmark did not complete)", "", "", "FAILED"]);
}
const summary = table(rows);
const over = all.flatMap((a) => a.results).filter((r) => withinBudget(r) === false).length;
const failed = all.filter((a) => !a.ok).map((a) => a.bench.name);
console.log(`\n━━ Summary\n${summary}`);
console.log(
  `\n${all.reduce((n, a) => n + a.results.filter((r) => withinBudget(r) !== null).length, 0)} budgeted figures, ${over} over budget${failed.length ? `; did not complete: ${failed.join(", ")}` : ""}. ${(
    all.reduce((s, a) => s + a.seconds, 0) / 60
  ).toFixed(1)} min.`,
);

if (only.length === 0) {
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()} (${os.arch()}), Node ${process.version}`;
  const md = [
    "# Benchmark results",
    "",
    "Written by `npm run bench`; each figure against its budget. Every benchmark prints its own",
    "fuller report; see the comment at the top of each file under tests/bench for what it measures.",
    "",
    `- Date: ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    `- Machine: ${machine}`,
    `- Duration: ${(all.reduce((s, a) => s + a.seconds, 0) / 60).toFixed(1)} min`,
    "",
    "| bench | figure | value | budget | |",
    "| --- | --- | --: | --- | --- |",
    ...rows.slice(1).map((r) => `| ${r.join(" | ")} |`),
    "",
    `${over} figure(s) over budget${failed.length ? `; did not complete: ${failed.join(", ")}` : ""}.`,
    "",
  ].join("\n");
  writeFileSync("tests/bench/RESULTS.md", md);
  console.log("Written to tests/bench/RESULTS.md");
}
process.exit(failed.length > 0 ? 1 : 0);
