import "server-only";
import { versionRefusal } from "@/lib/changes/checks";
import { forTypes, ticketChangeOf } from "@/lib/changes/tickets";
import type { StoredTicketChange } from "@/lib/changes/schema";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import type { Db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import type { IntercomClient } from "@/lib/intercom/client";
import { keptFor, planItem, type ItemPlan } from "./plan";
import { resolveSelection, selectionPages } from "./resolve";
import { sourceOf, type CreateJobBody, type Selection } from "./schemas";
import { allItems, createJob, findJob } from "./store";
import { summarize } from "./summaries";
import type { PreviewGroup, PreviewResult, TicketSnapshot } from "./types";

function group(entries: { reason: string; ticket: TicketSnapshot }[]): PreviewGroup[] {
  const groups = new Map<string, PreviewGroup>();
  for (const { reason, ticket } of entries) {
    const g = groups.get(reason) ?? { reason, count: 0, tickets: [] };
    g.count++;
    g.tickets.push({ id: ticket.id, number: ticket.number, title: ticket.title });
    groups.set(reason, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

export interface Planned {
  /** The change as it applies to the selection's ticket types. */
  action: StoredTicketChange;
  tickets: TicketSnapshot[];
  plans: ItemPlan[];
  preview: PreviewResult;
}

/** The selection's tickets as they are now, and what the change would do to each: the dry run. */
export async function planSelection(
  client: IntercomClient,
  catalogOrLoad: WorkspaceCatalog | Promise<WorkspaceCatalog>,
  selection: Selection,
  /** A new request's change, or (run again) a stored job's. */
  requested: StoredTicketChange,
  timezone: string,
  signal?: AbortSignal,
): Promise<Planned> {
  const now = Math.floor(Date.now() / 1000);
  const refused = versionRefusal(client.version, requested);
  if (refused) throw refused;
  // The catalogue and the tickets are read at once; nothing is changed before the change is checked.
  const [catalog, { tickets, notFound }] = await Promise.all([
    catalogOrLoad,
    resolveSelection(client, selection, signal),
  ]);
  const errors = ticketChangeOf(requested).check(catalog, now);
  if (errors) throw new HttpError("invalid_input", Object.values(errors)[0], errors);
  if (tickets.length === 0)
    throw new HttpError("empty_selection", "None of the selected tickets exist any more.", {
      selection: "Nothing to act on",
    });
  const action = forTypes(requested, new Set(tickets.map((t) => t.typeId)));
  const change = ticketChangeOf(action);
  const ctx = { types: catalog.ticketTypes, now };
  const plans = tickets.map((t) => planItem(action, t, ctx));
  const of = (kind: ItemPlan["kind"]) =>
    tickets.flatMap((ticket, i) => {
      const p = plans[i];
      if (p.kind !== kind) return [];
      return [{ reason: p.kind === "change" ? (p.target ?? change.describe(catalog, timezone)) : p.reason, ticket }];
    });
  const types = new Map<string, number>();
  for (const t of tickets) types.set(t.typeId, (types.get(t.typeId) ?? 0) + 1);
  return {
    action,
    tickets,
    plans,
    preview: {
      total: tickets.length,
      notFound,
      willChange: plans.filter((p) => p.kind === "change").length,
      change: group(of("change")),
      satisfied: group(of("satisfied")),
      cannot: group(of("cannot")),
      types: [...types]
        .map(([id, count]) => ({ id, name: catalog.ticketTypes.find((t) => t.id === id)?.name ?? `Type ${id}`, count }))
        .toSorted((a, b) => a.name.localeCompare(b.name)),
      label: change.describe(catalog, timezone),
    },
  };
}

/**
 * Creates a job from a request, planned again now (the snapshot it acts on) and stored a page
 * of tickets at a time as Intercom gives them, never the whole selection at once. Deletes are
 * confirmed by their count; a selection where nothing would change stores no job.
 */
export async function startJob(
  db: Db,
  client: IntercomClient,
  catalogOrLoad: WorkspaceCatalog | Promise<WorkspaceCatalog>,
  who: { userId: string; workspaceId: string; timezone: string },
  body: CreateJobBody,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const catalog = await catalogOrLoad;
  const requested = body.action;
  const refused = versionRefusal(client.version, requested);
  if (refused) throw refused;
  const errors = ticketChangeOf(requested).check(catalog, now);
  if (errors) throw new HttpError("invalid_input", Object.values(errors)[0], errors);
  const ctx = { types: catalog.ticketTypes, now };
  const types = new Set<string>();
  let willChange = 0;
  async function* items() {
    for await (const page of selectionPages(client, body.selection))
      for (const ticket of page.tickets) {
        types.add(ticket.typeId);
        const plan = planItem(requested, ticket, ctx);
        if (plan.kind === "change") willChange++;
        yield { before: keptFor(requested, ticket), plan };
      }
  }
  return createJob(db, {
    workspaceId: who.workspaceId,
    userId: who.userId,
    kind: "apply",
    action: requested,
    selection: sourceOf(body.selection),
    label: ticketChangeOf(requested).describe(catalog, who.timezone),
    items: items(),
    complete(total) {
      if (total === 0)
        throw new HttpError("empty_selection", "None of the selected tickets exist any more.", {
          selection: "Nothing to act on",
        });
      if (requested.type === "delete" && body.confirm?.trim() !== String(willChange))
        throw new HttpError("confirmation_required", `Type ${willChange} to confirm deleting ${willChange} tickets.`, {
          confirm: `Type ${willChange} to confirm`,
        });
      if (willChange === 0)
        throw new HttpError("nothing_to_do", "None of the selected tickets would change.", {
          selection: "Nothing would change",
        });
      // The change as it applies to the selection's ticket types, in the job's words.
      const action = forTypes(requested, types);
      return { action, label: ticketChangeOf(action).describe(catalog, who.timezone) };
    },
  });
}

/**
 * An undo of a finished job: a new job over the tickets it changed, each put back to its
 * values before the job unless someone changed it since (a conflict, never overwritten).
 */
export async function startUndo(db: Db, workspaceId: string, userId: string, jobId: string): Promise<string> {
  const job = await findJob(db, workspaceId, jobId);
  if (!job) throw new HttpError("not_found", "That job was not found.");
  const summary = await summarize(db, job);
  if (!summary.undoable) {
    const why =
      job.kind === "undo"
        ? "An undo cannot itself be undone; run the action again instead."
        : !ticketChangeOf(job.action).restore
          ? "Deleted tickets cannot be restored."
          : summary.undoneBy
            ? "This job was already undone."
            : !["completed", "cancelled"].includes(job.state)
              ? "Wait for the job to finish, or cancel it, before undoing it."
              : "Nothing in this job succeeded, so there is nothing to undo.";
    throw new HttpError("not_undoable", why);
  }
  // Read in pages: a 10,000-ticket undo never holds every ticket.
  async function* items() {
    for await (const item of allItems(db, job!.id, "succeeded"))
      yield { before: item.before, after: item.after, plan: null };
  }
  return createJob(db, {
    workspaceId,
    userId,
    kind: "undo",
    undoOf: job.id,
    action: job.action,
    selection: { kind: "undo" },
    label: `Undo: ${job.label}`,
    items: items(),
  });
}
