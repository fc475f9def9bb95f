/**
 * First-load JavaScript of a route, as Next.js counts it: the root bundles every page loads
 * plus the chunks the route's layouts and page need to hydrate. Chunks imported lazily
 * (dialogs, on interaction) are not part of it. Sizes are gzip-compressed.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

interface RscManifest {
  entryJSFiles: Record<string, string[]>;
}

export function firstLoadJs(route: string): { kb: number; files: { file: string; kb: number }[] } {
  const build = JSON.parse(readFileSync(".next/build-manifest.json", "utf8")) as { rootMainFiles: string[] };
  const manifestPath = path.join(".next/server/app", route, "page_client-reference-manifest.js");
  // The manifest is a script that assigns globalThis.__RSC_MANIFEST; run it against a stand-in.
  const scope: { __RSC_MANIFEST?: Record<string, RscManifest> } = {};
  new Function("globalThis", "self", readFileSync(manifestPath, "utf8"))(scope, scope);
  const manifest = Object.values(scope.__RSC_MANIFEST ?? {})[0];
  if (!manifest) throw new Error(`No client manifest for ${route}; run next build first`);
  // The route's own entries: the root layout, every layout on the way, and the page.
  const segments = route.split("/").filter(Boolean);
  const entries = [
    "[project]/app/layout",
    ...segments.map((_, i) => `[project]/app/${segments.slice(0, i + 1).join("/")}/layout`),
    `[project]/app/${route.replace(/^\//, "")}/page`,
  ];
  const files = new Set(build.rootMainFiles);
  for (const entry of entries) for (const f of manifest.entryJSFiles[entry] ?? []) files.add(f);
  const sized = [...files].map((file) => ({
    file,
    kb: gzipSync(readFileSync(path.join(".next", file))).byteLength / 1024,
  }));
  return { kb: sized.reduce((a, b) => a + b.kb, 0), files: sized.sort((a, b) => b.kb - a.kb) };
}
