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
