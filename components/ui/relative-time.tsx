"use client";

import { useEffect, useState } from "react";
import { formatRelative } from "@/lib/format/time";

/**
 * A time relative to now ("3 minutes ago"). The server and the browser each know "now" at a
 * different moment, so until the page is live this keeps the server's words (their
 * difference is not a hydration mismatch that would make React redraw the page and drop what
 * the lead typed into it), then says the browser's, and keeps them current every 30 seconds.
 */
export function RelativeTime({ ts, title }: { ts: number; title?: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now() / 1000);
    tick();
    const timer = setInterval(tick, 30_000);
    return () => clearInterval(timer);
  }, []);
  // Drawn anew once live: React keeps the server's text through hydration, so only a new
  // element is sure to show the browser's.
  return (
    <time
      key={now === null ? "server" : "live"}
      dateTime={new Date(ts * 1000).toISOString()}
      title={title}
      suppressHydrationWarning
    >
      {formatRelative(ts, now ?? undefined)}
    </time>
  );
}
