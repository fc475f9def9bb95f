/**
 * The audit log's record types, action codes and filter names: plain data for the pages
 * (no schema library), shared with the filters' schema in ./schema.
 */
export const AUDIT_RECORD_TYPES = ["ticket", "conversation", "view", "bulk_job", "workspace"] as const;
export type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

export const RECORD_TYPE_LABELS: Record<AuditRecordType, string> = {
  ticket: "Ticket",
  conversation: "Conversation",
  view: "Saved view",
  bulk_job: "Bulk job",
  workspace: "Workspace",
};

/** The action codes the dashboard writes, grouped for the filter's list; any dotted code is accepted. */
export const AUDIT_ACTIONS = [
  "ticket.set_state",
  "ticket.assign_admin",
  "ticket.assign_team",
  "ticket.unassign",
  "ticket.set_shared",
  "ticket.close",
  "ticket.reopen",
  "ticket.snooze",
  "ticket.unsnooze",
  "ticket.set_attributes",
  "ticket.add_tag",
  "ticket.remove_tag",
  "ticket.reply",
  "ticket.delete",
  "ticket.change_type",
  "conversation.reply",
  "conversation.assign_admin",
  "conversation.assign_team",
  "conversation.snooze",
  "conversation.unsnooze",
  "conversation.close",
  "conversation.open",
  "conversation.set_priority",
  "conversation.add_tag",
  "conversation.remove_tag",
  "conversation.mark_read",
  "conversation.redact",
  "conversation.redact_source",
  "conversation.convert",
  "bulk.job_created",
  "bulk.undo_created",
  "bulk.job_cancelled",
  "bulk.job_resumed",
  "bulk.job_retried",
  "bulk.item",
  "view.created",
  "view.updated",
  "view.deleted",
  "workspace.connected",
  "workspace.disconnected",
  "auth.sign_in",
  "auth.sign_out",
  "auth.session_ended",
] as const;

export const FILTER_KEYS = ["actor", "action", "recordType", "recordId", "from", "to"] as const;

/** Only the filters that are set, for URLs and query keys. */
export function activeFilters(
  values: Partial<Record<(typeof FILTER_KEYS)[number], string | undefined>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const v = values[key]?.trim();
    if (v) out[key] = v;
  }
  return out;
}
