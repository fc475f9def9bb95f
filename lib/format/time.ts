/**
 * Dates as a lead reads them: Intercom sends Unix seconds; the dashboard shows them in the
 * workspace's timezone, and turns what a lead types back into Unix seconds.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function fmt(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = timeZone + JSON.stringify(options);
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-GB", { timeZone, ...options });
    formatters.set(key, f);
  }
  return f;
}

/** "21 Nov 2026, 14:05" in the workspace's timezone. */
export function formatDateTime(ts: number | null | undefined, timeZone: string): string {
  if (ts === null || ts === undefined) return "–";
  return fmt(timeZone, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(ts * 1000);
}

export function formatDate(ts: number | null | undefined, timeZone: string): string {
  if (ts === null || ts === undefined) return "–";
  return fmt(timeZone, { day: "numeric", month: "short", year: "numeric" }).format(ts * 1000);
}

/** "3 days ago", "in 2 hours": relative to now. */
export function formatRelative(ts: number | null | undefined, now = Date.now() / 1000): string {
  if (ts === null || ts === undefined) return "–";
  const diff = ts - now;
  const abs = Math.abs(diff);
  const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["year", 31_536_000],
    ["month", 2_592_000],
    ["week", 604_800],
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ];
  for (const [unit, seconds] of units) {
    if (abs >= seconds) return rtf.format(Math.round(diff / seconds), unit);
  }
  return diff < 0 ? "just now" : "in a moment";
}

/** A duration in seconds, for statistics: "2 h 5 min". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "–";
  if (seconds < 60) return `${seconds} s`;
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3_600);
  const m = Math.floor((seconds % 3_600) / 60);
  return [d ? `${d} d` : "", h ? `${h} h` : "", m && !d ? `${m} min` : ""].filter(Boolean).join(" ") || "0 min";
}

function wall(ts: number, timeZone: string) {
  const parts = Object.fromEntries(
    fmt(timeZone, {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(ts * 1000)
      .map((p) => [p.type, p.value]),
  );
  return { y: +parts.year, m: +parts.month, d: +parts.day, h: +parts.hour, min: +parts.minute, s: +parts.second };
}

/** The calendar date (YYYY-MM-DD) of an instant in the workspace's timezone. */
export function localDate(ts: number, timeZone: string): string {
  const w = wall(ts, timeZone);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${w.y}-${p(w.m)}-${p(w.d)}`;
}

/** Unix seconds as the value of an `<input type="datetime-local">` in the workspace's timezone. */
export function toLocalInput(ts: number, timeZone: string): string {
  const w = wall(ts, timeZone);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${w.y}-${p(w.m)}-${p(w.d)}T${p(w.h)}:${p(w.min)}`;
}

/** The inverse: what a lead typed, read as a time in the workspace's timezone. Null when not a date. */
export function fromLocalInput(value: string, timeZone: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!m) return null;
  const [y, mo, d, h = "0", mi = "0"] = m.slice(1).map((x) => x ?? "0");
  const guess = Date.UTC(+y, +mo - 1, +d, +h, +mi) / 1000;
  // Shift by the zone's offset at that moment (twice, to settle across DST changes).
  let ts = guess;
  for (let i = 0; i < 2; i++) {
    const w = wall(ts, timeZone);
    const offset = Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) / 1000 - ts;
    ts = guess - offset;
  }
  return Math.round(ts);
}

/** The zone's short name for labels, e.g. "EST" or "GMT+1". */
export function zoneLabel(timeZone: string, ts = Date.now() / 1000): string {
  return (
    fmt(timeZone, { timeZoneName: "short", hour: "2-digit" })
      .formatToParts(ts * 1000)
      .find((p) => p.type === "timeZoneName")?.value ?? timeZone
  );
}
