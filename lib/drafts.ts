/**
 * What a lead has typed but not yet sent or searched, kept in this tab's sessionStorage, so
 * a session that ends mid-edit (sign in again, land back on the same page) loses nothing.
 * Per tab, and gone when the tab closes: nothing typed outlives the tab on a shared machine.
 */
const PREFIX = "triage.draft.";
const MAX_AGE_MS = 24 * 60 * 60 * 1000;

interface Stored<T> {
  value: T;
  at: number;
}

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.sessionStorage;
  } catch {
    return null;
  }
}

export function loadDraft<T>(key: string, isValue: (v: unknown) => v is T): T | null {
  const raw = storage()?.getItem(PREFIX + key);
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as Partial<Stored<unknown>>;
    if (typeof stored.at !== "number" || Date.now() - stored.at > MAX_AGE_MS || !isValue(stored.value)) return null;
    return stored.value;
  } catch {
    return null;
  }
}

export function saveDraft<T>(key: string, value: T): void {
  try {
    storage()?.setItem(PREFIX + key, JSON.stringify({ value, at: Date.now() } satisfies Stored<T>));
  } catch {
    // Storage full or blocked: the draft simply is not kept.
  }
}

export function clearDraft(key: string): void {
  storage()?.removeItem(PREFIX + key);
}

const RETURN_KEY = "triage.returning";
const RETURN_WINDOW_MS = 10 * 60 * 1000;

/** The lead is about to sign in again and come back to this page: its kept edits should return with them. */
export function markReturn(pathname: string): void {
  try {
    storage()?.setItem(RETURN_KEY, JSON.stringify({ pathname, at: Date.now() }));
  } catch {
    // Not kept: the page simply opens as new.
  }
}

/**
 * Whether edits kept for this page come back now: the page was reloaded, or the lead signed in
 * again to return to it. A page opened afresh starts clean.
 */
export function isReturning(pathname: string): boolean {
  const nav =
    typeof performance === "undefined"
      ? undefined
      : (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined);
  if (nav?.type === "reload" && new URL(nav.name).pathname === pathname) return true;
  try {
    const mark = JSON.parse(storage()?.getItem(RETURN_KEY) ?? "null") as { pathname?: unknown; at?: unknown } | null;
    return mark?.pathname === pathname && typeof mark.at === "number" && Date.now() - mark.at < RETURN_WINDOW_MS;
  } catch {
    return false;
  }
}

export function clearReturn(): void {
  storage()?.removeItem(RETURN_KEY);
}
