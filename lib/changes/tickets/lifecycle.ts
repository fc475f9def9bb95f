/** Closing, reopening, snoozing and unsnoozing a ticket: all are its open and snoozed values. */
import type { TicketSnapshot } from "@/lib/bulk/types";
import { formatDateTime } from "@/lib/format/time";
import { snoozeError } from "../checks";
import { cannot, change, satisfied, type Plan, type PlanContext } from "../types";
import type { Definitions } from "./definition";

const touched = (_: unknown, t: TicketSnapshot) => [t.open, t.snoozedUntil];
const changedSince = () => "Opened, closed or snoozed since the job ran";
const open = (value: boolean) => ({ kind: "update" as const, body: { open: value } });

function restore(_: unknown, before: TicketSnapshot, _now: TicketSnapshot, ctx: PlanContext): Plan {
  if (!before.open) return change([open(false)]);
  if (before.snoozedUntil !== null && before.snoozedUntil > ctx.now)
    return change([{ kind: "update", body: { snoozed_until: before.snoozedUntil } }]);
  return change([open(true)]);
}

const shared = {
  check: () => null,
  touched,
  changedSince,
  restore,
  fields: ["open" as const, "snoozedUntil" as const],
};

export const lifecycle: Pick<Definitions, "close" | "reopen" | "snooze" | "unsnooze"> = {
  close: {
    ...shared,
    plan: (_a, t) => (t.open ? change([open(false)]) : satisfied("Already closed")),
    describe: () => "Close",
    attempt: () => "close it",
    optimistic: (d) => ({ ...d, open: false, snoozedUntil: null }),
    rolledBack: () => "The ticket is open again.",
  },
  reopen: {
    ...shared,
    plan: (_a, t) => (t.open && t.snoozedUntil === null ? satisfied("Already open") : change([open(true)])),
    describe: () => "Reopen",
    attempt: () => "reopen it",
    optimistic: (d) => ({ ...d, open: true, snoozedUntil: null }),
    rolledBack: (d) => (d.open ? "The ticket is snoozed again." : "The ticket is closed again."),
  },
  snooze: {
    ...shared,
    check: (a, _names, now) => snoozeError(a.until, now),
    plan: (a, t, ctx) => {
      if (a.until <= ctx.now) return cannot("The snooze time has passed", { until: "Choose a time in the future" });
      return t.open && t.snoozedUntil === a.until
        ? satisfied("Already snoozed until then")
        : change([{ kind: "update", body: { snoozed_until: a.until } }]);
    },
    describe: (a, _names, timezone) => `Snooze until ${formatDateTime(a.until, timezone)}`,
    attempt: () => "snooze it",
    optimistic: (d, a) => ({ ...d, snoozedUntil: a.until }),
    rolledBack: (d) => (d.snoozedUntil === null ? "The ticket is not snoozed." : "The ticket keeps its snooze."),
  },
  unsnooze: {
    ...shared,
    plan: (_a, t) => {
      if (!t.open) return cannot("Closed, not snoozed");
      return t.snoozedUntil === null ? satisfied("Not snoozed") : change([open(true)]);
    },
    describe: () => "Unsnooze",
    attempt: () => "unsnooze it",
    optimistic: (d) => ({ ...d, snoozedUntil: null }),
    rolledBack: () => "The ticket is snoozed again.",
  },
};
