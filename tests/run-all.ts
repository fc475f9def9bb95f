/**
 * `npm test`: every check, in the order CI runs them. Lint, types, unit and integration
 * tests (PGlite), the database tests again on PostgreSQL, a production build, then the
 * end-to-end suite in Chromium against that build.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { Socket } from "node:net";

const PG_URL = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const requirePostgres = process.env.REQUIRE_POSTGRES === "1" || process.env.CI === "true";

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): void {
  const started = Date.now();
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}`);
  const res = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (res.status !== 0) {
    console.error(`✖ ${label} failed after ${seconds} s`);
    process.exit(res.status ?? 1);
  }
  console.log(`✔ ${label} (${seconds} s)`);
}

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(2000);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
    socket.connect(Number(port || 5432), hostname);
  });
}

/** Test folders that use the database (a file imports lib/db); they run twice, on PGlite and on PostgreSQL. */
const usesDb = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: "utf8" }).some(
    (f) => f.endsWith(".ts") && /@\/lib\/db\b/.test(readFileSync(`${dir}/${f}`, "utf8")),
  );
const dbSuites = readdirSync("tests/integration", { withFileTypes: true })
  .filter((d) => d.isDirectory() && usesDb(`tests/integration/${d.name}`))
  .map((d) => `tests/integration/${d.name}`);

const total = Date.now();
run("lint", "npx", ["eslint", "."]);
run("typecheck", "npx", ["tsc", "--noEmit"]);
run("unit and integration tests (PGlite)", "npx", ["vitest", "run"]);
if (await reachable(PG_URL)) {
  run("database tests (PostgreSQL)", "npx", ["vitest", "run", ...dbSuites], { DATABASE_URL: PG_URL });
} else if (requirePostgres) {
  console.error(`✖ PostgreSQL is not reachable at ${PG_URL}, and this run requires it.`);
  process.exit(1);
} else {
  console.log(
    `\n⚠ PostgreSQL is not reachable at ${PG_URL}: the PostgreSQL pass of the database tests did not run (set TEST_DATABASE_URL).`,
  );
}
run("production build", "npx", ["next", "build"]);
run("end-to-end tests (Chromium)", "npx", ["playwright", "test"]);
console.log(`\nAll checks passed in ${((Date.now() - total) / 60000).toFixed(1)} min.`);
