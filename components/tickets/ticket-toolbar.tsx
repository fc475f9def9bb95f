"use client";

import { AlarmClockOff, CheckCircle2, Keyboard, Replace, RotateCcw, Trash2 } from "lucide-react";
import { LazySnoozeMenu, MoreActions } from "@/components/records/lazy-controls";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import type { TicketChange } from "@/lib/changes/schema";
import { formatDateTime } from "@/lib/format/time";
import { whyUnavailable } from "@/lib/intercom/versions";
import type { TicketDetail } from "@/lib/records/detail-types";
import { stateCategoryLabel } from "@/lib/tickets/labels";

/** The ticket's actions: its state, close or reopen, snooze, unsnooze, and change type, shortcuts and delete. */
export function TicketToolbar({
  ticket,
  tz,
  canChangeType,
  run,
  setOpen,
  snoozeOpen,
  setSnoozeOpen,
  setChangingType,
  setHelpOpen,
  setConfirmDelete,
}: {
  ticket: TicketDetail;
  tz: string;
  /** The ticket types are loaded, so the type change dialog can open. */
  canChangeType: boolean;
  run: (a: TicketChange, success?: string) => Promise<unknown>;
  /** Reopens (true) or closes (false) the ticket. */
  setOpen: (open: boolean) => void;
  snoozeOpen: boolean;
  setSnoozeOpen: (open: boolean) => void;
  setChangingType: (open: boolean) => void;
  setHelpOpen: (open: boolean) => void;
  setConfirmDelete: (open: boolean) => void;
}) {
  const changeTypeWhy = whyUnavailable("changeType", useWorkspace().intercomVersion);
  const states = ticket.type.ticket_states;
  const categories = [...new Set(states.map((s) => s.category))];
  return (
    <>
      <label className="sr-only" htmlFor="ticket-state">
        State
      </label>
      <NativeSelect
        id="ticket-state"
        className="w-56"
        value={ticket.state.id}
        onChange={(e) => void run({ type: "set_state", states: { [ticket.type.id]: e.target.value } }, "State changed")}
      >
        {categories.map((c) => (
          <optgroup key={c} label={stateCategoryLabel(c)}>
            {states
              .filter((s) => s.category === c)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.internal_label}
                </option>
              ))}
          </optgroup>
        ))}
      </NativeSelect>
      {ticket.open ? (
        <Button variant="outline" size="sm" onClick={() => setOpen(false)}>
          <CheckCircle2 aria-hidden="true" /> Close
        </Button>
      ) : (
        <Button variant="outline" size="sm" onClick={() => setOpen(true)}>
          <RotateCcw aria-hidden="true" /> Reopen
        </Button>
      )}
      <LazySnoozeMenu
        open={snoozeOpen}
        onOpenChange={setSnoozeOpen}
        timezone={tz}
        disabled={!ticket.open}
        onSnooze={(until) => void run({ type: "snooze", until }, `Snoozed until ${formatDateTime(until, tz)}`)}
      />
      {ticket.open && ticket.snoozedUntil !== null && (
        <Button variant="outline" size="sm" onClick={() => void run({ type: "unsnooze" }, "Unsnoozed")}>
          <AlarmClockOff aria-hidden="true" /> Unsnooze
        </Button>
      )}
      <MoreActions
        items={[
          // A version without change_type says why where the action would be.
          changeTypeWhy
            ? { note: changeTypeWhy }
            : {
                label: "Change type…",
                icon: <Replace aria-hidden="true" />,
                disabled: !canChangeType,
                onSelect: () => setChangingType(true),
              },
          { label: "Keyboard shortcuts", icon: <Keyboard aria-hidden="true" />, onSelect: () => setHelpOpen(true) },
          "separator",
          {
            label: "Delete ticket…",
            icon: <Trash2 aria-hidden="true" />,
            destructive: true,
            onSelect: () => setConfirmDelete(true),
          },
        ]}
      />
    </>
  );
}
