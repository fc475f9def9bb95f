"use client";

import { AlarmClockOff, CheckCheck, CheckCircle2, Keyboard, RotateCcw, Star, Ticket as TicketIcon } from "lucide-react";
import Link from "next/link";
import { LazySnoozeMenu, MoreActions } from "@/components/records/lazy-controls";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { featuresOf, PRIORITY_LEVEL_LABELS, PRIORITY_LEVELS } from "@/lib/intercom/versions";
import { formatDateTime } from "@/lib/format/time";
import type { ConversationChange as ConversationAction } from "@/lib/changes/schema";
import type { ConversationDetail } from "@/lib/records/detail-types";

/** The conversation's actions: close or reopen, snooze, priority, mark read, convert (or open its ticket), and more. */
export function ConversationToolbar({
  conv,
  ws,
  tz,
  canConvert,
  run,
  close,
  snoozeOpen,
  setSnoozeOpen,
  setConverting,
  setHelpOpen,
}: {
  conv: ConversationDetail;
  ws: string;
  tz: string;
  /** The ticket types are loaded, so the convert form can open. */
  canConvert: boolean;
  run: (a: ConversationAction, success?: string) => Promise<unknown>;
  close: () => void;
  snoozeOpen: boolean;
  setSnoozeOpen: (open: boolean) => void;
  setConverting: (open: boolean) => void;
  setHelpOpen: (open: boolean) => void;
}) {
  const { priorityLevels } = featuresOf(useWorkspace().intercomVersion);
  return (
    <>
      {conv.state === "closed" ? (
        <Button variant="outline" size="sm" onClick={() => void run({ type: "open" }, "Conversation reopened")}>
          <RotateCcw aria-hidden="true" /> Reopen
        </Button>
      ) : (
        <Button variant="outline" size="sm" onClick={close}>
          <CheckCircle2 aria-hidden="true" /> Close
        </Button>
      )}
      <LazySnoozeMenu
        open={snoozeOpen}
        onOpenChange={setSnoozeOpen}
        timezone={tz}
        disabled={conv.state === "closed"}
        onSnooze={(until) => void run({ type: "snooze", until }, `Snoozed until ${formatDateTime(until, tz)}`)}
      />
      {conv.state === "snoozed" && (
        <Button variant="outline" size="sm" onClick={() => void run({ type: "unsnooze" }, "Unsnoozed")}>
          <AlarmClockOff aria-hidden="true" /> Unsnooze
        </Button>
      )}
      {priorityLevels ? (
        <NativeSelect
          aria-label="Priority"
          className="w-36"
          value={conv.priorityLevel ?? "none"}
          onChange={(e) => {
            const level = PRIORITY_LEVELS.find((l) => l === e.target.value);
            if (level)
              void run({ type: "set_priority", priority: level }, `Priority set to ${PRIORITY_LEVEL_LABELS[level]}`);
          }}
        >
          {PRIORITY_LEVELS.map((level) => (
            <option key={level} value={level}>
              {level === "none" ? "No priority" : `Priority: ${PRIORITY_LEVEL_LABELS[level]}`}
            </option>
          ))}
        </NativeSelect>
      ) : (
        <Button
          variant="outline"
          size="sm"
          aria-pressed={conv.priority}
          onClick={() =>
            void run(
              { type: "set_priority", priority: !conv.priority },
              conv.priority ? "Priority removed" : "Marked as priority",
            )
          }
        >
          <Star className={conv.priority ? "fill-current text-warning" : undefined} aria-hidden="true" /> Priority
        </Button>
      )}
      <Button
        variant="outline"
        size="sm"
        disabled={conv.read}
        onClick={() => void run({ type: "mark_read" }, "Marked as read")}
      >
        <CheckCheck aria-hidden="true" /> {conv.read ? "Read" : "Mark read"}
      </Button>
      {conv.ticket ? (
        <Button variant="outline" size="sm" asChild>
          <Link prefetch={false} href={`/w/${ws}/tickets/${conv.ticket.id}`}>
            <TicketIcon aria-hidden="true" /> Open ticket
            {conv.ticket.ticketNumber ? ` #${conv.ticket.ticketNumber}` : ""}
          </Link>
        </Button>
      ) : (
        <Button variant="outline" size="sm" disabled={!canConvert} onClick={() => setConverting(true)}>
          <TicketIcon aria-hidden="true" /> Convert to ticket
        </Button>
      )}
      <MoreActions
        items={[
          { label: "Keyboard shortcuts", icon: <Keyboard aria-hidden="true" />, onSelect: () => setHelpOpen(true) },
        ]}
      />
    </>
  );
}
