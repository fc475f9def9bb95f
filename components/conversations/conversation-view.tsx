"use client";

import { useQuery } from "@tanstack/react-query";
import { EyeOff } from "lucide-react";
import { useMemo, useRef, useState } from "react";
import { toast } from "@/lib/notify";
import { DetailLayout } from "@/components/records/detail-layout";
import { isMessage } from "@/components/records/part-text";
import { namesFrom } from "@/components/records/names";
import { ReplyBox, type ReplyBoxHandle } from "@/components/records/reply-box";
import { useShortcuts, type Shortcut } from "@/components/records/shortcuts";
import { ConfirmDialog, ShortcutsHelp } from "@/components/records/lazy-dialogs";
import { Timeline } from "@/components/records/timeline";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Button } from "@/components/ui/button";
import { useWorkspaceCatalog } from "@/lib/queries/catalog";
import { conversationDetailQuery, useConversationAction } from "@/lib/queries/records";
import type { ConversationChange as ConversationAction } from "@/lib/changes/schema";
import type { ConversationDetail, TimelinePart } from "@/lib/records/detail-types";
import { ConversationAside } from "./conversation-aside";
import { ConversationHeader } from "./conversation-header";
import { ConversationToolbar } from "./conversation-toolbar";
import { FirstMessage } from "./first-message";
import { ConvertDialog } from "./lazy-convert";

/** What is being redacted, waiting for the lead's confirmation. */
type RedactTarget = { kind: "part"; part: TimelinePart } | { kind: "source" };

export function ConversationView({ id, initial }: { id: string; initial: ConversationDetail }) {
  const workspace = useWorkspace();
  const ws = workspace.id;
  const tz = workspace.timezone;
  const { data: conv } = useQuery({ ...conversationDetailQuery(ws, id), initialData: initial });
  const { data: catalog } = useWorkspaceCatalog(ws);
  const action = useConversationAction(ws, id);
  const reply = useRef<ReplyBoxHandle>(null);
  const [snoozeOpen, setSnoozeOpen] = useState(false);
  const [assignOpen, setAssignOpen] = useState(false);
  const [redacting, setRedacting] = useState<RedactTarget | null>(null);
  const [converting, setConverting] = useState(false);
  const names = useMemo(() => namesFrom(catalog), [catalog]);

  const run = (a: ConversationAction, success?: string) =>
    action.mutateAsync({ action: a, success }).catch(() => undefined);
  const close = () =>
    conv.state === "closed"
      ? toast.info("This conversation is already closed.")
      : void run({ type: "close" }, "Conversation closed");

  const shortcuts: Shortcut[] = [
    { key: "r", label: "Reply to the customer", run: () => reply.current?.start("comment") },
    { key: "n", label: "Add an internal note", run: () => reply.current?.start("note") },
    { key: "a", label: "Assign to a teammate", run: () => setAssignOpen(true) },
    { key: "c", label: "Close the conversation", run: close },
    { key: "s", label: "Snooze", run: () => setSnoozeOpen(true) },
  ];
  const { helpOpen, setHelpOpen } = useShortcuts(shortcuts);

  const redactButton = (part: TimelinePart) =>
    isMessage(part) && !part.redacted && part.bodyHtml ? (
      <Button
        variant="ghost"
        size="icon-sm"
        className="-my-1 size-7"
        aria-label={`Redact the message from ${part.author?.name ?? "this author"}`}
        onClick={() => setRedacting({ kind: "part", part })}
      >
        <EyeOff aria-hidden="true" />
      </Button>
    ) : null;

  const contactName = conv.contacts[0]?.name ?? conv.contacts[0]?.email ?? "the customer";
  const source = conv.source;
  const sourceAuthor = source.author.name ?? source.author.email ?? contactName;

  return (
    <DetailLayout
      back={{ href: `/w/${ws}/conversations`, label: "Conversations" }}
      header={
        <>
          <ConversationHeader conv={conv} names={names} tz={tz} />
        </>
      }
      toolbar={
        <>
          <ConversationToolbar
            conv={conv}
            ws={ws}
            tz={tz}
            canConvert={Boolean(catalog)}
            run={run}
            close={close}
            snoozeOpen={snoozeOpen}
            setSnoozeOpen={setSnoozeOpen}
            setConverting={setConverting}
            setHelpOpen={setHelpOpen}
          />
        </>
      }
      aside={
        <>
          <ConversationAside
            conv={conv}
            ws={ws}
            tz={tz}
            catalog={catalog}
            names={names}
            assignOpen={assignOpen}
            setAssignOpen={setAssignOpen}
            onAssign={(a, success) => void run(a, success)}
            onAddTag={(tag_id) => void run({ type: "add_tag", tag_id })}
            onRemoveTag={(tag_id) => void run({ type: "remove_tag", tag_id })}
          />
        </>
      }
    >
      <FirstMessage conv={conv} tz={tz} sourceAuthor={sourceAuthor} onRedact={() => setRedacting({ kind: "source" })} />
      <Timeline
        parts={conv.parts}
        names={names}
        timezone={tz}
        label="Conversation timeline"
        partActions={redactButton}
      />
      <ReplyBox
        ref={reply}
        recipient={contactName}
        draftKey={`reply:${ws}:conversation:${conv.id}`}
        onSend={(kind, body) =>
          action.mutateAsync({
            action: { type: "reply", kind, body },
            success: kind === "note" ? "Note added" : "Reply sent",
            silent: true,
          })
        }
      />
      {helpOpen && <ShortcutsHelp open onOpenChange={setHelpOpen} shortcuts={shortcuts} />}
      {converting && catalog && (
        <ConvertDialog
          conversation={conv}
          types={catalog.ticketTypes}
          timezone={tz}
          workspace={ws}
          onClose={() => setConverting(false)}
        />
      )}
      {redacting !== null && (
        <ConfirmDialog
          open
          onOpenChange={(o) => !o && setRedacting(null)}
          title="Redact this message?"
          description={
            <p>
              Its text is removed for everyone, in Intercom too, and replaced with a note that it was redacted. This
              cannot be undone.
            </p>
          }
          confirmLabel="Redact message"
          destructive
          pending={action.isPending}
          onConfirm={() => {
            const target = redacting;
            setRedacting(null);
            if (target?.kind === "part") void run({ type: "redact", part_id: target.part.id }, "Message redacted");
            else if (target?.kind === "source") void run({ type: "redact_source" }, "Message redacted");
          }}
        />
      )}
    </DetailLayout>
  );
}
