"use client";

import { Monitor } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { SessionView } from "@/lib/auth/sessions";
import { formatDateTime, formatRelative } from "@/lib/format/time";
import { toast } from "@/lib/notify";
import { fetchJson } from "@/lib/queries/fetcher";
import { RelativeTime } from "@/components/ui/relative-time";

/** The lead's sessions, each one can be ended; "End all other sessions" keeps only this one. */
export function SessionsList({ sessions }: { sessions: SessionView[] }) {
  const router = useRouter();
  const { timezone } = useWorkspace();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const others = sessions.filter((s) => !s.current).length;

  const end = async (key: string, call: () => Promise<unknown>, done: string) => {
    setPending(key);
    setError(null);
    try {
      await call();
      toast.success(done);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
      // Another tab may have ended it already: show the list as it is now.
      router.refresh();
    } finally {
      setPending(null);
    }
  };

  return (
    <div className="max-w-3xl space-y-4">
      {error && (
        <Alert variant="destructive">
          <p>{error}</p>
        </Alert>
      )}
      <ul aria-label="Sessions" className="divide-y rounded-lg border">
        {sessions.map((s) => {
          const seen = Date.parse(s.lastSeenAt) / 1000;
          return (
            <li
              key={s.handle}
              aria-label={`${s.device}${s.current ? ", this browser" : ""}`}
              className="flex flex-wrap items-center gap-3 px-4 py-3"
            >
              <Monitor className="size-5 shrink-0 text-muted-foreground" aria-hidden="true" />
              <div className="min-w-0 flex-1 space-y-0.5">
                <p className="flex items-center gap-2 text-sm font-medium">
                  {s.device}
                  {s.current && <Badge variant="secondary">This browser</Badge>}
                </p>
                <p className="text-xs text-muted-foreground">
                  Signed in {formatDateTime(Date.parse(s.createdAt) / 1000, timezone)} · last active{" "}
                  <RelativeTime ts={seen} />
                  {s.ip ? ` · ${s.ip}` : ""}
                </p>
              </div>
              {!s.current && (
                <Button
                  variant="outline"
                  size="sm"
                  disabled={pending !== null}
                  aria-label={`End session: ${s.device}, last active ${formatRelative(seen)}`}
                  onClick={() =>
                    void end(
                      s.handle,
                      () => fetchJson(`/api/sessions/${encodeURIComponent(s.handle)}`, { method: "DELETE" }),
                      `Ended the session on ${s.device}`,
                    )
                  }
                >
                  {pending === s.handle ? "Ending…" : "End session"}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <Button
        variant="destructive"
        disabled={others === 0 || pending !== null}
        onClick={() =>
          void end(
            "others",
            () => fetchJson("/api/sessions/end-others", { method: "POST" }),
            "Ended every other session",
          )
        }
      >
        {pending === "others" ? "Ending…" : `End all other sessions${others ? ` (${others})` : ""}`}
      </Button>
    </div>
  );
}
