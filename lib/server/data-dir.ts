import "server-only";
import { randomUUID } from "node:crypto";
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * The data folder holds the embedded database and the secret that seals Intercom tokens, so
 * only the account running the dashboard may read it: folders 0700, files 0600.
 */
const FOLDER_MODE = 0o700;
const FILE_MODE = 0o600;
const OTHERS = 0o077;

/** Files and folders this process creates from now on are its owner's alone. */
export function restrictUmask(): void {
  try {
    process.umask(OTHERS);
  } catch {
    // Worker threads cannot change the umask; the folder modes below still apply.
  }
}

/** Creates the folder (and any missing parent) for its owner alone, under the private umask. */
export function makePrivateDir(dir: string): void {
  restrictUmask();
  mkdirSync(dir, { recursive: true, mode: FOLDER_MODE });
}

interface Repaired {
  folders: number;
  files: number;
}

/** Takes group and other bits off every entry under `dir`; links are left alone, never followed. */
function tighten(dir: string, isRoot: boolean, counts: Repaired): void {
  const stat = isRoot ? statSync(dir) : lstatSync(dir);
  if (stat.isSymbolicLink()) return;
  if (!stat.isDirectory()) {
    if (stat.isFile() && (stat.mode & OTHERS) !== 0) {
      chmodSync(dir, FILE_MODE);
      counts.files++;
    }
    return;
  }
  if ((stat.mode & OTHERS) !== 0) {
    chmodSync(dir, FOLDER_MODE);
    counts.folders++;
  }
  for (const name of readdirSync(dir)) tighten(path.join(dir, name), false, counts);
}

/**
 * Makes the folder private, creating it if needed, and repairs one that others could read or
 * write: every folder under it becomes 0700 and every file 0600. A folder that was open is
 * logged; loose files inside folders that were already private are tightened quietly (PGlite
 * writes its files 0666 whatever the umask, but nobody else can reach them through 0700).
 * Returns how many entries were changed.
 */
export function securePrivateDir(dir: string, log: (line: string) => void = console.warn): number {
  makePrivateDir(dir);
  const counts: Repaired = { folders: 0, files: 0 };
  tighten(dir, true, counts);
  if (counts.folders > 0) {
    log(
      `The data folder ${dir} was open to other users: its permissions were repaired ` +
        `(${counts.folders} folders set to 0700, ${counts.files} files set to 0600).`,
    );
  }
  return counts.folders + counts.files;
}

/**
 * A value this data folder keeps for good: read from `dir/name`, or made once with `make` and
 * written there (0600). Two processes starting together agree on whichever was written first.
 */
export function keptValue(dir: string, name: string, make: () => string = randomUUID): string {
  makePrivateDir(dir);
  const file = path.join(dir, name);
  try {
    writeFileSync(file, make(), { flag: "wx", mode: FILE_MODE });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  return readFileSync(file, "utf8").trim();
}
