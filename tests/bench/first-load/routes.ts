/**
 * First-load JavaScript of every page route, gzip-compressed, as Next.js counts it (root
 * bundles plus what the route's layouts and page hydrate; lazy chunks excluded).
 * Budget: ≤ 200 kB per route.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { firstLoadJs } from "../support/first-load";
import { report } from "../support/result";
import { ensureBuild } from "../support/server";

ensureBuild();
const BUDGET = 200;

function routes(dir: string, base = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) out.push(...routes(path.join(dir, entry.name), `${base}/${entry.name}`));
    else if (entry.name === "page_client-reference-manifest.js") out.push(base || "/");
  }
  return out;
}

const all = routes(".next/server/app")
  .filter((r) => !r.includes("_not-found"))
  .sort();
console.log("\nFirst-load JavaScript per route (gzip, next build)");
for (const route of all) {
  const { kb, files } = firstLoadJs(route);
  console.log(
    `  ${route.padEnd(36)} ${kb.toFixed(1).padStart(7)} kB in ${files.length} chunks   ${kb <= BUDGET ? "" : "OVER"}`,
  );
  report({
    bench: "first-load",
    figure: `first-load JS ${route}`,
    value: Number(kb.toFixed(1)),
    unit: "kB",
    max: BUDGET,
  });
}
