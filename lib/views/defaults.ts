/**
 * The views every workspace starts with, and the columns a new view shows. Plain data, so
 * the UI can reuse DEFAULT_COLUMNS when a lead saves a search without choosing columns.
 */
import type { Resource } from "@/lib/search/fields";
import { filterNode, groupNode, type SearchQuery } from "@/lib/search/model";

export const DEFAULT_COLUMNS: Record<Resource, string[]> = {
  tickets: ["ticket_id", "title", "type", "state", "assignee", "team", "contact", "created_at", "updated_at"],
  conversations: ["subject", "contact", "state", "priority", "assignee", "team", "waiting_since", "tags"],
  contacts: ["name", "email", "role", "company", "last_seen_at", "tags"],
};

export interface DefaultView {
  /** Stable per workspace: the unique key that keeps a default from being seeded twice. */
  systemKey: string;
  name: string;
  resource: Resource;
  query: SearchQuery;
  columns: string[];
}

const THREE_DAYS = 3 * 24 * 60 * 60;

/**
 * Built on each call: queries carry node ids, and handing every workspace the same objects
 * would let one caller's edits leak into another's.
 */
export function defaultViews(): DefaultView[] {
  return [
    {
      systemKey: "tickets_open_assigned_to_me",
      name: "Open tickets assigned to me",
      resource: "tickets",
      query: {
        resource: "tickets",
        root: groupNode("AND", [filterNode("open", "=", true), filterNode("admin_assignee_id", "=", { me: true })]),
      },
      columns: [...DEFAULT_COLUMNS.tickets],
    },
    {
      systemKey: "tickets_open_unassigned",
      name: "Unassigned open tickets",
      resource: "tickets",
      query: {
        resource: "tickets",
        // Intercom (and the sandbox) report an unassigned ticket's admin_assignee_id as "0".
        root: groupNode("AND", [filterNode("open", "=", true), filterNode("admin_assignee_id", "=", "0")]),
      },
      columns: [...DEFAULT_COLUMNS.tickets],
    },
    {
      systemKey: "tickets_waiting_on_customer_3_days",
      name: "Waiting on customer for 3+ days",
      resource: "tickets",
      query: {
        resource: "tickets",
        // Relative, so "3+ days" is measured from when the view is opened, not when it was seeded.
        root: groupNode("AND", [
          filterNode("open", "=", true),
          filterNode("state", "=", "waiting_on_customer"),
          filterNode("updated_at", "<", { relative: -THREE_DAYS }),
        ]),
      },
      columns: [...DEFAULT_COLUMNS.tickets],
    },
    {
      systemKey: "conversations_open_priority",
      name: "Open priority conversations",
      resource: "conversations",
      query: {
        resource: "conversations",
        root: groupNode("AND", [filterNode("open", "=", true), filterNode("priority", "=", "priority")]),
      },
      columns: [...DEFAULT_COLUMNS.conversations],
    },
  ];
}
