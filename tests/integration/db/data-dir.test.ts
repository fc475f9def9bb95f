/**
 * The data folder holds the embedded database and the generated secret: only the account
 * running the dashboard may read it. A real PGlite is opened on a temporary folder and every
 * file and folder it leaves is checked; a folder left open to others is repaired.
 */
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDb } from "@/lib/db/client";
import { keptValue, securePrivateDir } from "@/lib/server/data-dir";

const made: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "triage-data-"));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Every entry under (and including) the folder, with its permission bits. */
function modes(dir: string): { path: string; dir: boolean; mode: number }[] {
  const out = [{ path: dir, dir: true, mode: lstatSync(dir).mode & 0o777 }];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    const stat = lstatSync(full);
    if (stat.isDirectory()) out.push(...modes(full));
    else out.push({ path: full, dir: false, mode: stat.mode & 0o777 });
  }
  return out;
}

const openToOthers = (dir: string) => modes(dir).filter((e) => (e.mode & 0o077) !== 0);

describe("the data folder", () => {
  it("keeps every file of a real PGlite database to its owner, open and after closing", async () => {
    const dataDir = path.join(tempDir(), "data");
    const opened = await openDb({ pgliteDir: path.join(dataDir, "db") });
    try {
      expect(modes(dataDir).filter((e) => !e.dir).length).toBeGreaterThan(100);
      expect(openToOthers(dataDir)).toEqual([]);
      expect(lstatSync(dataDir).mode & 0o777).toBe(0o700);
    } finally {
      await opened.close();
    }
    expect(openToOthers(dataDir)).toEqual([]);
    // Opened again, as on every restart.
    const again = await openDb({ pgliteDir: path.join(dataDir, "db") });
    await again.close();
    expect(openToOthers(dataDir)).toEqual([]);
  });

  it("repairs a world-readable, world-writable folder: folders 0700, files 0600, and says so", () => {
    const dataDir = path.join(tempDir(), "data");
    mkdirSync(path.join(dataDir, "db", "base"), { recursive: true });
    writeFileSync(path.join(dataDir, "auth-secret"), "s3cret");
    writeFileSync(path.join(dataDir, "db", "base", "1"), "x");
    for (const p of [dataDir, path.join(dataDir, "db"), path.join(dataDir, "db", "base")]) chmodSync(p, 0o777);
    for (const p of [path.join(dataDir, "auth-secret"), path.join(dataDir, "db", "base", "1")]) chmodSync(p, 0o666);

    const lines: string[] = [];
    const repaired = securePrivateDir(dataDir, (line) => lines.push(line));

    expect(repaired).toBe(5);
    expect(openToOthers(dataDir)).toEqual([]);
    for (const e of modes(dataDir)) expect(e.mode, e.path).toBe(e.dir ? 0o700 : 0o600);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(dataDir);
    expect(lines[0]).toMatch(/open to other users/);
  });

  it("creates a missing folder 0700, leaves a private one as it is, and logs nothing", () => {
    const dataDir = path.join(tempDir(), "nested", "data");
    const lines: string[] = [];
    expect(securePrivateDir(dataDir, (line) => lines.push(line))).toBe(0);
    expect(lstatSync(dataDir).mode & 0o777).toBe(0o700);
    expect(lstatSync(path.dirname(dataDir)).mode & 0o777).toBe(0o700);
    writeFileSync(path.join(dataDir, "auth-secret"), "s3cret", { mode: 0o600 });
    expect(securePrivateDir(dataDir, (line) => lines.push(line))).toBe(0);
    expect(lines).toEqual([]);
  });

  it("never follows a link out of the folder", () => {
    const root = tempDir();
    const outside = path.join(root, "outside.txt");
    writeFileSync(outside, "not ours");
    chmodSync(outside, 0o644);
    const dataDir = path.join(root, "data");
    mkdirSync(dataDir, { mode: 0o700 });
    chmodSync(dataDir, 0o755);
    symlinkSync(outside, path.join(dataDir, "link"));
    securePrivateDir(dataDir, () => {});
    expect(lstatSync(outside).mode & 0o777).toBe(0o644);
    expect(lstatSync(dataDir).mode & 0o777).toBe(0o700);
  });
});

describe("values kept in the data folder", () => {
  it("makes a value once and answers the same one after a restart, in a file only the owner reads", () => {
    const dataDir = path.join(tempDir(), "data");
    const first = keptValue(dataDir, "runner-id");
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(keptValue(dataDir, "runner-id")).toBe(first);
    expect(lstatSync(path.join(dataDir, "runner-id")).mode & 0o777).toBe(0o600);
    expect(keptValue(tempDir(), "runner-id")).not.toBe(first);
  });
});
