/** Calendar days in a workspace's timezone, for contact search's day-truncated dates. */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function wallClock(
  ts: number,
  timeZone: string,
): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(new Date(ts * 1000))
      .map((p) => [p.type, p.value]),
  );
  return { y: +parts.year, m: +parts.month, d: +parts.day, h: +parts.hour, min: +parts.minute, s: +parts.second };
}

/** Seconds the zone is ahead of UTC at this instant. */
export function offsetAt(ts: number, timeZone: string): number {
  const w = wallClock(ts, timeZone);
  return Date.UTC(w.y, w.m - 1, w.d, w.h, w.min, w.s) / 1000 - ts;
}

/** Unix seconds of local midnight for the calendar date (y, m, d) in the zone. */
function localMidnight(y: number, m: number, d: number, timeZone: string): number {
  const guess = Date.UTC(y, m - 1, d) / 1000;
  const first = guess - offsetAt(guess, timeZone);
  return guess - offsetAt(first, timeZone);
}

export function dayStart(ts: number, timeZone: string): number {
  const w = wallClock(ts, timeZone);
  return localMidnight(w.y, w.m, w.d, timeZone);
}

export function nextDayStart(ts: number, timeZone: string): number {
  const w = wallClock(ts, timeZone);
  const next = new Date(Date.UTC(w.y, w.m - 1, w.d + 1));
  return localMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone);
}
