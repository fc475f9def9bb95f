"use client";

import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, useRef, useState } from "react";
import { Entry, useRenderedMark, type ShownImages, type TimelineProps } from "./timeline-entry";

/** Only the entries on screen (and a few around), measured as they render. */
export function VirtualTimeline({
  parts,
  names,
  timezone,
  partActions,
  images,
}: TimelineProps & { images: ShownImages }) {
  const listRef = useRef<HTMLOListElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => setOffset(listRef.current?.offsetTop ?? 0), []);
  const virtualizer = useWindowVirtualizer({
    count: parts.length,
    estimateSize: () => 96,
    overscan: 8,
    scrollMargin: offset,
  });
  const items = virtualizer.getVirtualItems();
  useRenderedMark(parts.length, items.length > 0);
  return (
    <ol ref={listRef} className="relative" style={{ height: virtualizer.getTotalSize() }}>
      {items.map((item) => {
        const part = parts[item.index];
        return (
          <li
            key={part.id}
            data-index={item.index}
            ref={virtualizer.measureElement}
            className="absolute left-0 top-0 w-full pb-3"
            style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
          >
            <Entry part={part} names={names} timezone={timezone} actions={partActions?.(part)} images={images} />
          </li>
        );
      })}
    </ol>
  );
}
