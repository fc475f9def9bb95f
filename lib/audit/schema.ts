/**
 * The audit log's filters as the browser and the server both read them: the Audit page's
 * form validates with this schema, the URL carries the same fields, and the route handlers
 * parse the query string with it again. zod's small build, since the form loads it.
 */
import * as z from "zod/mini";
import { fromLocalInput } from "@/lib/format/time";
import { AUDIT_RECORD_TYPES } from "./labels";

export {
  activeFilters,
  AUDIT_ACTIONS,
  AUDIT_RECORD_TYPES,
  FILTER_KEYS,
  RECORD_TYPE_LABELS,
  type AuditRecordType,
} from "./labels";

const ACTION = /^[a-z_]{1,40}(\.[a-z_]{1,40}){0,3}$/;
const RECORD_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Epoch seconds or milliseconds, a date, or a date and time (with or without a zone). */
const TIME = /^(\d{1,13}|\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?)$/;

const text = (max: number, pattern: RegExp, message: string) =>
  z.optional(
    z.string({ error: message }).check(
      z.trim(),
      z.maxLength(max, message),
      z.refine((v) => v === "" || pattern.test(v), message),
    ),
  );

const time = text(40, TIME, "Use a date such as 2026-11-21, a date and time, or Unix seconds");

const fields = {
  actor: text(320, /^[^\s<>"]+$/, "Enter an email address"),
  action: text(164, ACTION, "Choose an action"),
  recordType: z.optional(z.union([z.literal(""), z.enum(AUDIT_RECORD_TYPES, { error: "Choose a kind of record" })])),
  recordId: text(64, RECORD_ID, "A record id has letters, digits, - and _ only"),
  from: time,
  to: time,
};

interface RangeValues {
  from?: string;
  to?: string;
  recordType?: string;
  recordId?: string;
}

/** Issues across fields: an end before the start, a record id without its kind. */
function rangeIssues(v: RangeValues): { path: string; message: string }[] {
  const out: { path: string; message: string }[] = [];
  if (v.from && v.to) {
    const a = parseTime(v.from, "UTC", "start");
    const b = parseTime(v.to, "UTC", "end");
    if (a !== null && b !== null && a > b) out.push({ path: "to", message: "The end is before the start" });
  }
  if (v.recordId && !v.recordType) out.push({ path: "recordType", message: "Choose the kind of record" });
  return out;
}

/** The filter form's values (every field a string, empty meaning "any"). */
export const auditFilterForm = z.object(fields).check((ctx) => {
  for (const { path, message } of rangeIssues(ctx.value))
    ctx.issues.push({ code: "custom", path: [path], message, input: ctx.value });
});
export type AuditFilterValues = z.input<typeof auditFilterForm>;

/** The query string of GET /audit and /audit/export: the same filters, plus a page cursor. */
export const auditQuery = z
  .strictObject({
    ...fields,
    cursor: z.optional(z.string().check(z.maxLength(200), z.regex(/^[A-Za-z0-9_-]*$/, "Not a valid cursor"))),
  })
  .check((ctx) => {
    for (const { path, message } of rangeIssues(ctx.value))
      ctx.issues.push({ code: "custom", path: [path], message, input: ctx.value });
  });
export type AuditQuery = z.output<typeof auditQuery>;

export type AuditFilters = Omit<AuditQuery, "cursor">;

/**
 * A filter time as Unix seconds: digits are epoch seconds (or milliseconds when that large),
 * a time with a zone is absolute, and a date or a date and time without one is read in the
 * workspace's timezone. A bare date used as the end of a range means the end of that day.
 */
export function parseTime(value: string, timeZone: string, edge: "start" | "end"): number | null {
  const v = value.trim();
  if (/^\d{1,13}$/.test(v)) {
    const n = Number(v);
    return n >= 1e11 ? Math.floor(n / 1000) : n;
  }
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(v) && v.includes("T")) {
    const ms = Date.parse(v);
    return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
  }
  const local = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2})?/.exec(v);
  if (!local) return null;
  const ts = fromLocalInput(local[0], timeZone);
  if (ts === null) return null;
  return edge === "end" && !local[2] ? ts + 86_400 - 1 : ts;
}
