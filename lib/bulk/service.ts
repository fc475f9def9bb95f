import "server-only";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import type { Db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import type { IntercomClient } from "@/lib/intercom/client";
import { describeAction } from "./describe";
import { keptFor, planItem, type ItemPlan } from "./plan";
import { resolveSelection } from "./resolve";
import type { BulkAction, CreateJobBody, Selection } from "./schemas";
import { allItems, createJob, findJob } from "./store";
import { summarize } from "./summaries";
import type { PreviewGroup, PreviewResult, TicketSnapshot } from "./types";

const invalid = (fields: Record<string, string>) => new HttpError("invalid_input", Object.values(fields)[0], fields);

/** Checks an action's ids and values against the workspace before any ticket is read. */
export function checkAction(action: BulkAction, catalog: WorkspaceCatalog, now: number): void {
  const types = catalog.ticketTypes;
  switch (action.type) {
    case "assign_admin":
      if (!catalog.admins.some((a) => a.id === action.admin_id))
        throw invalid({ admin_id: "That teammate is not in this workspace" });
      return;
    case "assign_team":
      if (!catalog.teams.some((t) => t.id === action.team_id))
        throw invalid({ team_id: "That team is not in this workspace" });
      return;
    case "set_state":
      if (!types.some((t) => t.ticket_states.some((s) => s.id === action.state_id)))
        throw invalid({ state_id: "That state is not a state of any ticket type" });
      return;
    case "snooze":
      if (action.until <= now) throw invalid({ until: "Choose a time in the future" });
      return;
    case "add_tag":
    case "remove_tag":
      if (!catalog.tags.some((t) => t.id === action.tag_id))
        throw invalid({ tag_id: "That tag does not exist in this workspace" });
      return;
    case "set_attribute":
      if (!types.some((t) => t.ticket_type_attributes.some((a) => a.name === action.name && !a.archived)))
        throw invalid({ name: `No ticket type has an attribute called ${action.name}` });
      return;
    case "change_type": {
      const target = types.find((t) => t.id === action.ticket_type_id);
      if (!target) throw invalid({ ticket_type_id: "That ticket type does not exist" });
      if (target.archived) throw invalid({ ticket_type_id: `${target.name} is archived` });
      if (action.ticket_state_id && !target.ticket_states.some((s) => s.id === action.ticket_state_id))
        throw invalid({ ticket_state_id: `That state is not one of ${target.name}'s states` });
      for (const name of Object.keys(action.attributes ?? {})) {
        if (!target.ticket_type_attributes.some((a) => a.name === name && !a.archived))
          throw invalid({ [name]: `${target.name} has no attribute ${name}` });
      }
      return;
    }
    default:
      return;
  }
}

function group(entries: { reason: string; number: string }[]): PreviewGroup[] {
  const groups = new Map<string, PreviewGroup>();
  for (const e of entries) {
    const g = groups.get(e.reason) ?? { reason: e.reason, count: 0, examples: [] };
    g.count++;
    if (g.examples.length < 5) g.examples.push(e.number);
    groups.set(e.reason, g);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

export interface Planned {
  tickets: TicketSnapshot[];
  plans: ItemPlan[];
  preview: PreviewResult;
}

/** The selection's tickets as they are now, and what the action would do to each: the dry run. */
export async function planSelection(
  client: IntercomClient,
  catalogOrLoad: WorkspaceCatalog | Promise<WorkspaceCatalog>,
  selection: Selection,
  action: BulkAction,
  timezone: string,
  signal?: AbortSignal,
): Promise<Planned> {
  const now = Math.floor(Date.now() / 1000);
  // The catalogue and the tickets are read at once; nothing is changed before the action is checked.
  const [catalog, tickets] = await Promise.all([catalogOrLoad, resolveSelection(client, selection, signal)]);
  checkAction(action, catalog, now);
  if (tickets.length === 0)
    throw new HttpError("empty_selection", "None of the selected tickets exist any more.", {
      selection: "Nothing to act on",
    });
  const ctx = { types: catalog.ticketTypes, now };
  const plans = tickets.map((t) => planItem(action, t, ctx));
  const of = (kind: ItemPlan["kind"]) =>
    tickets.flatMap((t, i) =>
      plans[i].kind === kind ? [{ reason: (plans[i] as { reason: string }).reason, number: t.number }] : [],
    );
  return {
    tickets,
    plans,
    preview: {
      total: tickets.length,
      willChange: plans.filter((p) => p.kind === "change").length,
      satisfied: group(of("satisfied")),
      cannot: group(of("cannot")),
      label: describeAction(action, catalog, timezone),
    },
  };
}

/** Creates a job from a request: planned again now (the snapshot it acts on), deletes confirmed by their count. */
export async function startJob(
  db: Db,
  client: IntercomClient,
  catalog: WorkspaceCatalog | Promise<WorkspaceCatalog>,
  who: { userId: string; workspaceId: string; timezone: string },
  body: CreateJobBody,
): Promise<string> {
  const planned = await planSelection(client, catalog, body.selection, body.action, who.timezone);
  if (body.action.type === "delete" && body.confirm?.trim() !== String(planned.preview.willChange)) {
    throw new HttpError(
      "confirmation_required",
      `Type ${planned.preview.willChange} to confirm deleting ${planned.preview.willChange} tickets.`,
      {
        confirm: `Type ${planned.preview.willChange} to confirm`,
      },
    );
  }
  if (planned.preview.willChange === 0)
    throw new HttpError("nothing_to_do", "None of the selected tickets would change.", {
      selection: "Nothing would change",
    });
  return createJob(db, {
    workspaceId: who.workspaceId,
    userId: who.userId,
    kind: "apply",
    action: body.action,
    selection:
      body.selection.kind === "ids"
        ? body.selection
        : { ...body.selection, exclude: body.selection.exclude?.slice(0, 1000) },
    label: planned.preview.label,
    items: planned.tickets.map((before, i) => ({ before: keptFor(body.action, before), plan: planned.plans[i] })),
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
        : job.action.type === "delete"
          ? "Deleted tickets cannot be restored."
          : summary.undoneBy
            ? "This job was already undone."
            : !["completed", "cancelled"].includes(job.state)
              ? "Wait for the job to finish, or cancel it, before undoing it."
              : "Nothing in this job succeeded, so there is nothing to undo.";
    throw new HttpError("not_undoable", why);
  }
  // Read in pages inside the new job's transaction: a 10,000-ticket undo never holds every ticket.
  async function* items(tx: Db) {
    for await (const item of allItems(tx, job!.id, "succeeded"))
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
    items,
  });
}
