"use client";

import { AlertCircle, RotateCw, Timer } from "lucide-react";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/lib/queries/fetcher";
import { searchRetryDelay } from "@/lib/queries/search";

/**
 * A rate-limited search waiting for its next try: says in how many seconds, counting down.
 * Keyed by the failure count where it is used, so each new wait starts its own count.
 */
export function RetryingNotice({ reason, failures }: { reason: ApiError; failures: number }) {
  const [at] = useState(() => Date.now() + searchRetryDelay(failures, reason));
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, []);
  const seconds = Math.max(1, Math.ceil((at - now) / 1000));
  return (
    <Alert variant="warning" role="status">
      <Timer aria-hidden="true" />
      <p>Intercom&apos;s rate limit for this workspace was reached. Retrying in {seconds} s.</p>
    </Alert>
  );
}

/** A search that could not be run (other than a refusal, shown beside the builder), with Retry. */
export function SearchFailed({ error, onRetry, retrying }: { error: Error; onRetry: () => void; retrying: boolean }) {
  return (
    <Alert variant="destructive">
      <AlertCircle aria-hidden="true" />
      <div className="flex flex-1 flex-wrap items-center justify-between gap-2">
        <p>
          {error instanceof ApiError && error.isRateLimited
            ? "Intercom's rate limit for this workspace was reached. It resets within seconds; try again shortly."
            : `The search could not be run: ${error.message}`}
        </p>
        <Button size="sm" variant="outline" onClick={onRetry} disabled={retrying}>
          <RotateCw aria-hidden="true" /> Retry
        </Button>
      </div>
    </Alert>
  );
}

/** The reason a search is being tried again after a rate limit, or null. */
export function rateLimitedRetry(failureReason: Error | null, fetching: boolean): ApiError | null {
  return fetching && failureReason instanceof ApiError && failureReason.isRateLimited ? failureReason : null;
}
