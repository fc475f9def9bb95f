"use client";

import { EyeOff, Lock } from "lucide-react";
import { useEffect, type ReactNode } from "react";
import { formatDateTime } from "@/lib/format/time";
import { cn } from "@/lib/cn";
import type { TimelinePart } from "@/lib/records/detail-types";
import { MessageBody } from "./message-body";
import { eventText, isMessage, type Names } from "./part-text";

export interface TimelineProps {
  parts: TimelinePart[];
  names: Names;
  timezone: string;
  /** Actions shown beside a message part (redaction). */
  partActions?: (part: TimelinePart) => ReactNode;
  label: string;
}

/** Which messages' held-back images the lead loaded, kept above the entries so windowing does not forget them. */
export interface ShownImages {
  shownImages: ReadonlySet<string>;
  onShowImages: (partId: string) => void;
}

export function Entry({
  part,
  names,
  timezone,
  actions,
  images,
}: {
  part: TimelinePart;
  names: Names;
  timezone: string;
  actions?: ReactNode;
  images?: ShownImages;
}) {
  const who =
    part.author?.name ?? part.author?.email ?? (part.author ? `${part.author.type} ${part.author.id}` : "Someone");
  const when = (
    <time
      dateTime={new Date(part.createdAt * 1000).toISOString()}
      title={formatDateTime(part.createdAt, timezone)}
      className="text-xs text-muted-foreground"
    >
      {formatDateTime(part.createdAt, timezone)}
    </time>
  );
  if (!isMessage(part)) {
    return (
      <div className="flex flex-wrap items-baseline gap-x-2 py-1.5 pl-3 text-sm text-muted-foreground">
        <span>
          <span className="font-medium text-foreground">{who}</span> {eventText(part, names)}
        </span>
        {when}
      </div>
    );
  }
  const note = part.partType === "note";
  const fromContact = part.author?.type === "user" || part.author?.type === "lead" || part.author?.type === "contact";
  return (
    <article
      aria-label={`${note ? "Note" : "Message"} from ${who}`}
      className={cn(
        "rounded-lg border p-3",
        note ? "border-warning/40 bg-warning/10" : fromContact ? "bg-card" : "bg-accent/40",
      )}
    >
      <header className="mb-1 flex flex-wrap items-center gap-x-2 gap-y-1">
        <span className="text-sm font-medium">{who}</span>
        {note && (
          <span className="inline-flex items-center gap-1 text-xs font-medium text-warning">
            <Lock className="size-3" aria-hidden="true" /> Internal note
          </span>
        )}
        {part.author?.type === "bot" && <span className="text-xs text-muted-foreground">bot</span>}
        <span className="ml-auto flex items-center gap-2">
          {when}
          {actions}
        </span>
      </header>
      {part.redacted ? (
        <p className="flex items-center gap-1.5 text-sm italic text-muted-foreground">
          <EyeOff className="size-3.5" aria-hidden="true" /> This message was redacted.
        </p>
      ) : part.bodyHtml ? (
        <MessageBody
          html={part.bodyHtml}
          imageHosts={part.imageHosts}
          shown={images?.shownImages.has(part.id)}
          onShow={images && (() => images.onShowImages(part.id))}
        />
      ) : null}
    </article>
  );
}

/** Marks the moment a timeline's entries are on screen, for the render benchmark. */
export function useRenderedMark(count: number, shown: boolean) {
  useEffect(() => {
    if (shown) performance.mark("timeline-rendered", { detail: { count } });
  }, [count, shown]);
}
