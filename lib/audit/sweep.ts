import "server-only";
import type { Db } from "@/lib/db/client";
import { sweepAudit } from "./store";

const DAY_MS = 86_400_000;
let timer: ReturnType<typeof setInterval> | undefined;

/** Deletes audit entries past their retention now, then once a day. */
export function startAuditSweep(db: Db, retentionDays: number): void {
  const run = () =>
    sweepAudit(db, retentionDays)
      .then((n) => {
        if (n > 0) console.log(`Audit log: removed ${n} entries older than ${retentionDays} days`);
      })
      .catch((e: unknown) => console.error(`Audit log sweep failed: ${(e as Error).message}`));
  void run();
  if (timer) clearInterval(timer);
  timer = setInterval(run, DAY_MS);
  timer.unref?.();
}
