"use client";

import dynamic from "next/dynamic";
import { useCallback, useState } from "react";
import { Entry, useRenderedMark, type ShownImages, type TimelineProps } from "./timeline-entry";
import { RelativeTime } from "@/components/ui/relative-time";

/** Past this many entries the timeline only renders what is on screen. */
export const VIRTUALIZE_AFTER = 60;

/** Long timelines only: the windowing code loads when a record has that many parts. */
const VirtualTimeline = dynamic(() => import("./virtual-timeline").then((m) => m.VirtualTimeline), { ssr: false });

/**
 * A record's parts in order: messages and notes as cards, events as one line each. Long
 * timelines (up to Intercom's 500 parts) render only what is on screen.
 */
export function Timeline(props: TimelineProps) {
  const { parts, names, timezone, partActions, label } = props;
  useRenderedMark(parts.length, parts.length <= VIRTUALIZE_AFTER);
  const [shownImages, setShownImages] = useState<ReadonlySet<string>>(() => new Set());
  const onShowImages = useCallback((id: string) => setShownImages((s) => new Set(s).add(id)), []);
  const images: ShownImages = { shownImages, onShowImages };
  if (parts.length === 0) return <p className="text-sm text-muted-foreground">Nothing has happened here yet.</p>;
  const last = parts.at(-1)!;
  return (
    <section aria-label={label}>
      <p className="mb-2 text-xs text-muted-foreground">
        {parts.length} {parts.length === 1 ? "entry" : "entries"}, last <RelativeTime ts={last.createdAt} />
      </p>
      {parts.length > VIRTUALIZE_AFTER ? (
        <VirtualTimeline {...props} images={images} />
      ) : (
        <ol className="space-y-3">
          {parts.map((part) => (
            <li key={part.id}>
              <Entry part={part} names={names} timezone={timezone} actions={partActions?.(part)} images={images} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
