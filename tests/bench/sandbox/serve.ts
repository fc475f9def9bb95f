/**
 * Runs only the sandbox, in its own process, so start-up time and memory are the sandbox's
 * alone. Prints one JSON line once listening, then serves until stdin closes or SIGTERM.
 * Usage: node --import tsx tests/bench/sandbox/serve.ts <scale> [--expose-gc]
 */
import { startSandbox } from "@/lib/sandbox";

const scale = Number(process.argv[2] ?? 1);
const started = performance.now();
const running = await startSandbox({ port: 0, seed: 42, scale, log: () => {} });
const startupMs = performance.now() - started;
const rss = process.memoryUsage().rss;
// With --expose-gc, also the resident size once seeding's garbage is collected.
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const rssAfterGc = gc ? process.memoryUsage().rss : null;

process.stdout.write(
  `${JSON.stringify({ url: running.url, scale, startupMs, rss, rssAfterGc, workspaces: running.workspaces })}\n`,
);

const stop = () => void running.stop().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.stdin.on("end", stop);
process.stdin.resume();
