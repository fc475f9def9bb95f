"use client";

import { Eye, Lock, MessageSquare, Send } from "lucide-react";
import { forwardRef, useEffect, useId, useImperativeHandle, useRef, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
import { clearDraft, loadDraft, saveDraft } from "@/lib/drafts";
import { applyServerErrors } from "@/lib/forms/server-errors";
import { lazyResolver } from "@/lib/forms/lazy-resolver";
import type { ReplyFields } from "@/lib/forms/schemas";
import { textToHtml } from "@/lib/records/text";
import { HtmlBody } from "./html-body";

export type ReplyKind = ReplyFields["kind"];

export interface ReplyBoxHandle {
  /** Switches to a reply or a note and puts the cursor in the message. */
  start: (kind: ReplyKind) => void;
}

interface Props {
  onSend: (kind: ReplyKind, body: string) => Promise<unknown>;
  /** Why a customer-facing reply is not possible here (Back-office tickets), or null. */
  replyDisabledReason?: string | null;
  recipient: string;
  /** Where the unsent text is kept in this tab (one per record), so it survives a reload or a new sign-in. */
  draftKey: string;
}

interface ReplyDraft {
  kind: ReplyKind;
  text: string;
}

const isReplyDraft = (v: unknown): v is ReplyDraft =>
  typeof v === "object" &&
  v !== null &&
  ((v as ReplyDraft).kind === "comment" || (v as ReplyDraft).kind === "note") &&
  typeof (v as ReplyDraft).text === "string";

const resolver = lazyResolver<ReplyFields>(() => import("@/lib/forms/resolvers").then((m) => m.replyResolver));

/** Reply to the customer or leave an internal note, with a preview of what will be sent. */
export const ReplyBox = forwardRef<ReplyBoxHandle, Props>(function ReplyBox(
  { onSend, replyDisabledReason, recipient, draftKey },
  ref,
) {
  const form = useForm<ReplyFields>({
    resolver,
    // No default body: the field is read as it is when it registers, so text typed before the
    // page's scripts ran stays (a default would overwrite it).
    defaultValues: { kind: replyDisabledReason ? "note" : "comment" },
  });
  const { register, handleSubmit, setValue, getValues, control, reset, formState, clearErrors } = form;
  const kind = useWatch({ control, name: "kind" });
  // The text as typed, for the preview and the kept draft (the form holds it too, for checking and sending).
  const [text, setText] = useState("");
  const setKind = (next: ReplyKind) => setValue("kind", next);
  const [preview, setPreview] = useState(false);
  const area = useRef<HTMLTextAreaElement | null>(null);
  const id = useId();
  const body = register("body", {
    onChange: (e: React.ChangeEvent<HTMLTextAreaElement>) => {
      setText(e.target.value);
      clearErrors("root.server");
    },
  });
  const error = formState.errors.body?.message ?? formState.errors.root?.server?.message ?? null;
  // A draft kept from before a reload or a new sign-in comes back, unless something was typed already.
  useEffect(() => {
    // Text typed before the page's scripts ran is in the field, not yet in the form: take it from there.
    const typed = area.current?.value || getValues("body");
    if (typed) {
      setValue("body", typed);
      return setText(typed);
    }
    const kept = loadDraft(draftKey, isReplyDraft);
    if (kept?.text) {
      setValue("body", kept.text);
      setText(kept.text);
      setValue("kind", kept.kind === "comment" && replyDisabledReason ? "note" : kept.kind);
    }
  }, [draftKey, replyDisabledReason, getValues, setValue]);
  useEffect(() => {
    if (text) saveDraft<ReplyDraft>(draftKey, { kind, text });
    else clearDraft(draftKey);
  }, [draftKey, kind, text]);
  useImperativeHandle(ref, () => ({
    start: (next) => {
      setValue("kind", next === "comment" && replyDisabledReason ? "note" : next);
      setPreview(false);
      requestAnimationFrame(() => area.current?.focus());
    },
  }));

  const send = handleSubmit(async (values) => {
    try {
      await onSend(values.kind, values.body);
      reset({ kind: values.kind, body: "" });
      setText("");
      setPreview(false);
    } catch (e) {
      applyServerErrors(form, e);
    }
  });
  const sending = formState.isSubmitting;

  return (
    <section
      aria-label="Reply or note"
      className={cn("rounded-lg border p-3", kind === "note" && "border-warning/50 bg-warning/5")}
    >
      <div className="mb-2 flex gap-1">
        <div
          role="tablist"
          aria-label="Message kind"
          className="flex gap-1"
          onKeyDown={(e) => {
            // Arrow keys move between the kinds, as in any tab list.
            if (e.key !== "ArrowLeft" && e.key !== "ArrowRight") return;
            e.preventDefault();
            const next = kind === "comment" ? "note" : "comment";
            if (next === "comment" && replyDisabledReason) return;
            setKind(next);
            document.getElementById(`${id}-tab-${next}`)?.focus();
          }}
        >
          {(["comment", "note"] as const).map((k) => {
            const disabled = k === "comment" && Boolean(replyDisabledReason);
            return (
              <button
                key={k}
                id={`${id}-tab-${k}`}
                type="button"
                role="tab"
                aria-selected={kind === k}
                aria-controls={`${id}-panel`}
                tabIndex={kind === k ? 0 : -1}
                aria-disabled={disabled || undefined}
                title={disabled ? (replyDisabledReason ?? undefined) : undefined}
                onClick={() => !disabled && setKind(k)}
                className={cn(
                  "inline-flex items-center gap-1.5 rounded-md px-2.5 py-1 text-sm font-medium",
                  kind === k ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:bg-accent",
                  disabled && "cursor-not-allowed opacity-50",
                )}
              >
                {k === "comment" ? (
                  <MessageSquare className="size-4" aria-hidden="true" />
                ) : (
                  <Lock className="size-4" aria-hidden="true" />
                )}
                {k === "comment" ? "Reply" : "Note"}
              </button>
            );
          })}
        </div>
        <Button
          variant="ghost"
          size="sm"
          className="ml-auto"
          aria-pressed={preview}
          onClick={() => setPreview((p) => !p)}
          disabled={!text.trim()}
        >
          <Eye aria-hidden="true" /> {preview ? "Edit" : "Preview"}
        </Button>
      </div>
      {replyDisabledReason && <p className="mb-2 text-xs text-muted-foreground">{replyDisabledReason}</p>}
      <form
        id={`${id}-panel`}
        role="tabpanel"
        noValidate
        aria-labelledby={`${id}-tab-${kind}`}
        onSubmit={(e) => {
          e.stopPropagation();
          void send(e);
        }}
        className="space-y-2"
      >
        <label htmlFor={id} className="sr-only">
          {kind === "comment" ? `Reply to ${recipient}` : "Internal note"}
        </label>
        {preview ? (
          <div className="min-h-24 rounded-md border bg-background p-3" aria-live="polite">
            <HtmlBody html={textToHtml(text)} />
          </div>
        ) : (
          <Textarea
            {...body}
            ref={(el) => {
              body.ref(el);
              area.current = el;
            }}
            id={id}
            placeholder={kind === "comment" ? `Reply to ${recipient}…` : "Add a note only teammates see…"}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) {
                e.preventDefault();
                void send();
              }
            }}
          />
        )}
        {error && (
          <p id={`${id}-error`} className="text-xs text-destructive">
            {error}
          </p>
        )}
        <div className="flex items-center justify-between gap-2">
          <span className="text-xs text-muted-foreground">⌘/Ctrl + Enter sends</span>
          <Button type="submit" size="sm" disabled={sending}>
            <Send aria-hidden="true" /> {sending ? "Sending…" : kind === "comment" ? "Send reply" : "Add note"}
          </Button>
        </div>
      </form>
    </section>
  );
});
