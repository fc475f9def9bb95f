// The npm mirror this project is built against serves only some platforms' native
// packages, so `npm install` leaves the others out of package-lock.json, and `npm ci`
// then refuses the lock as incomplete. This records each missing platform-specific
// optional dependency with its os/cpu, so npm ci knows to skip it on this platform.
// Run after changing dependencies: node .ci/complete-lockfile.mjs
import { readFileSync, writeFileSync } from "node:fs";

const path = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(path, "utf8"));
const OS = ["darwin", "win32", "linux", "android", "freebsd", "openharmony", "sunos", "aix", "netbsd", "openbsd"];
const CPU = ["arm64", "x64", "ia32", "arm", "loong64", "ppc64", "riscv64", "s390x", "wasm32", "mips64el"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = OS.find((o) => parts.includes(o));
  const cpu = CPU.find((c) => parts.includes(c) || parts.includes(c.replace("wasm32", "wasm32")));
  if (!cpu) return null;
  const libc =
    parts.includes("musl") || parts.includes("musleabihf")
      ? ["musl"]
      : parts.includes("gnu") || parts.includes("gnueabihf")
        ? ["glibc"]
        : undefined;
  return { ...(os ? { os: [os] } : {}), cpu: [cpu], ...(libc ? { libc } : {}) };
}

let added = 0;
for (const [key, entry] of Object.entries(lock.packages)) {
  for (const [dep, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${key}/node_modules/${dep}`;
    const top = `node_modules/${dep}`;
    if (lock.packages[nested] || lock.packages[top]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    lock.packages[top] = { version: version.replace(/^[\^~=]/, ""), optional: true, ...platform };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync(path, JSON.stringify(lock, null, 2) + "\n");
console.log(`package-lock.json: recorded ${added} platform package(s) this mirror does not serve`);
