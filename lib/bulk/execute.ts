import "server-only";
import type { IntercomClient } from "@/lib/intercom/client";
import { IntercomError } from "@/lib/intercom/errors";
import { sleep as pause } from "@/lib/intercom/pacing";
import { ticketSchema, type TicketType } from "@/lib/intercom/schemas";
import { executeForValues } from "@/lib/changes/execute";
import type { BulkJobItemRow } from "@/lib/db/schema";
import type { RatePacer } from "./pacer";
import { planItem, planUndo, type Call } from "./plan";
import { backoffMs, classify, MAX_ATTEMPTS, MAX_RATE_LIMITED, rateLimitedWaitMs } from "./retry";
import type { BulkAction } from "./schemas";
import { snapshotOf } from "./snapshot";
import type { ItemOutcome } from "./store";
import type { TicketSnapshot } from "./types";

const targetOf = (plan: { kind: string; target?: string }) => (plan.kind === "change" ? plan.target : undefined);

/** Intercom refused the token: the job must stop until the lead reconnects. */
export class ReconnectNeeded extends Error {}

export interface ExecuteDeps {
  client: IntercomClient;
  adminId: string;
  pacer: RatePacer;
  types: TicketType[];
  signal: AbortSignal;
  /** Unix seconds. */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}

/** One call, under the pacer: it waits for room, and hands back the answer's rate-limit headers. */
async function paced<T>(deps: ExecuteDeps, call: () => Promise<T>): Promise<T> {
  await deps.pacer.acquire(deps.signal);
  try {
    const out = await call();
    deps.pacer.release(deps.client.rateLimit);
    return out;
  } catch (e) {
    deps.pacer.release(e instanceof IntercomError ? e.rateLimit : null);
    throw e;
  }
}

async function current(deps: ExecuteDeps, ticketId: string): Promise<TicketSnapshot | null> {
  try {
    return snapshotOf(
      await paced(deps, () =>
        deps.client.request("GET", `/tickets/${encodeURIComponent(ticketId)}`, ticketSchema, { signal: deps.signal }),
      ),
    );
  } catch (e) {
    if (e instanceof IntercomError && e.status === 404) return null;
    throw e;
  }
}

/** Makes one planned call under the pacer; answers the ticket's values after it (null once deleted). */
async function perform(
  deps: ExecuteDeps,
  ticketId: string,
  call: Call,
  was: TicketSnapshot,
): Promise<TicketSnapshot | null> {
  return paced(deps, () => executeForValues(deps.client, deps.adminId, ticketId, call, was, deps.signal));
}

/**
 * Runs one item to an outcome. The first try trusts the plan made from the job's snapshot
 * (one call per ticket). Any later try, and any try after a claim that may have got through
 * (the item was claimed before), reads the ticket first and plans again, so a change Intercom
 * made but whose answer was lost is recognised, not made twice. Undo always reads first: it
 * must see whether someone changed the ticket since.
 */
export async function runItem(
  deps: ExecuteDeps,
  action: BulkAction,
  kind: "apply" | "undo",
  item: BulkJobItemRow,
): Promise<ItemOutcome> {
  const now = deps.now ?? (() => Math.floor(Date.now() / 1000));
  const sleep = deps.sleep ?? pause;
  const random = deps.random ?? Math.random;
  const earlier = item.attempts - 1;
  let tries = 0;
  let rateLimited = 0;
  let verify = kind === "undo" || earlier > 0;
  for (;;) {
    tries++;
    const attempts = earlier + tries;
    let before = item.before;
    let made = 0;
    try {
      let calls = item.calls ?? [];
      const ctx = () => ({ types: deps.types, now: now() });
      // What the ticket becomes, in words, so the job's page says exactly what was done to it.
      let target = kind === "apply" ? targetOf(planItem(action, item.before, ctx())) : undefined;
      if (verify) {
        const found = await current(deps, item.ticketId);
        if (!found) {
          if (action.type === "delete" && kind === "apply")
            return { state: "succeeded", reason: "Already deleted", after: null, attempts };
          return { state: "failed", error: "The ticket no longer exists", attempts };
        }
        before = found;
        const plan =
          kind === "apply" ? planItem(action, found, ctx()) : planUndo(action, item.before, item.after, found, ctx());
        if (plan.kind === "satisfied")
          return {
            state: "succeeded",
            reason:
              kind === "undo" ? plan.reason : earlier > 0 || tries > 1 ? "Applied by an earlier try" : plan.reason,
            after: found,
            attempts,
          };
        if (plan.kind === "cannot") return { state: "skipped", reason: plan.reason, after: found, attempts };
        if (plan.kind === "conflict") return { state: "conflict", reason: plan.reason, after: found, attempts };
        calls = plan.calls;
        target = plan.target ?? target;
      }
      let after: TicketSnapshot | null = before;
      for (const call of calls) {
        after = await perform(deps, item.ticketId, call, after ?? before);
        made++;
      }
      return { state: "succeeded", after, calls, attempts, ...(target ? { reason: target } : {}) };
    } catch (e) {
      const failure = classify(e);
      if (failure === "auth") throw new ReconnectNeeded((e as Error).message);
      if (failure === "cancelled" || deps.signal.aborted) throw e;
      if (failure === "final") {
        if (e instanceof IntercomError && e.status === 404 && action.type === "delete" && kind === "apply")
          return { state: "succeeded", reason: "Already deleted", after: null, attempts };
        return { state: "failed", error: (e as Error).message, attempts };
      }
      if (failure === "rate_limited") {
        // A 429 changed nothing; only calls made before it in this try did.
        if (made > 0) verify = true;
        tries--;
        if (++rateLimited > MAX_RATE_LIMITED)
          return { state: "failed", error: "Intercom's rate limit was hit too many times in a row", attempts };
        await sleep(rateLimitedWaitMs(e, Date.now(), random), deps.signal);
        continue;
      }
      // The call may have reached Intercom: read the ticket before trying again.
      verify = true;
      if (attempts >= MAX_ATTEMPTS)
        return { state: "failed", error: `${(e as Error).message} (after ${attempts} tries)`, attempts };
      await sleep(backoffMs(tries, random), deps.signal);
    }
  }
}
