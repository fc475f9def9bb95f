/**
 * Days and weeks in the workspace's timezone: the buckets every Insights chart is drawn on.
 * A day runs from one local midnight to the next, so a day across a daylight-saving change is
 * 23 or 25 hours long. Weeks start on Monday; the first and last may be cut by the range.
 */
import { fromLocalInput, localDate } from "@/lib/format/time";
import type { AxisBucket, Granularity } from "./types";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether text is a real calendar date written YYYY-MM-DD. */
export function isDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The date `n` days after (or before) a date; calendar arithmetic, no timezone involved. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Local midnight starting the date, in Unix seconds. */
export function dayStart(date: string, timeZone: string): number {
  return fromLocalInput(date, timeZone)!;
}

/** Today's date in the timezone. */
export function today(timeZone: string, nowMs = Date.now()): string {
  return localDate(Math.floor(nowMs / 1000), timeZone);
}

export { localDate };

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const short = (date: string) => `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;

/** Monday = 0 … Sunday = 6. */
function weekday(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** The range cut into days or weeks, each from a local midnight to the next bucket's. */
export function buckets(from: string, to: string, timeZone: string, by: Granularity): AxisBucket[] {
  const out: AxisBucket[] = [];
  for (let first = from; first <= to;) {
    const last = by === "day" ? first : minDate(addDays(first, 6 - weekday(first)), to);
    const next = addDays(last, 1);
    out.push({
      key: first,
      label: by === "day" ? short(first) : `Week of ${short(first)}`,
      start: dayStart(first, timeZone),
      end: dayStart(next, timeZone),
    });
    first = next;
  }
  return out;
}

const minDate = (a: string, b: string) => (a < b ? a : b);
