import "server-only";
import type { IntercomClient } from "@/lib/intercom/client";
import {
  conversationListSchema,
  segmentListSchema,
  STATE_CATEGORIES,
  teamListSchema,
  ticketListSchema,
} from "@/lib/intercom/schemas";
import { TICKET_STATE_CATEGORIES } from "@/lib/search/fields";

export interface Overview {
  tickets: { open: number; byState: { category: string; label: string; count: number }[] };
  conversations: { open: number; waiting: number; byTeam: { teamId: string | null; name: string; count: number }[] };
  segments: { id: string; name: string; personType: string; count: number | null }[];
}

type Filter = { field: string; operator: string; value: unknown } | { operator: "AND" | "OR"; value: Filter[] };

/** Counts come from search totals: one page of one record each, so the calls stay cheap. */
export async function loadOverview(client: IntercomClient): Promise<Overview> {
  const countTickets = async (query: Filter) =>
    (
      await client.request("POST", "/tickets/search", ticketListSchema, {
        body: { query, pagination: { per_page: 1 } },
      })
    ).total_count;
  const countConversations = async (query: Filter) =>
    (
      await client.request("POST", "/conversations/search", conversationListSchema, {
        body: { query, pagination: { per_page: 1 } },
      })
    ).total_count;
  const open = { field: "open", operator: "=", value: true };

  const [teams, segments, openTickets, byState, openConversations, waiting] = await Promise.all([
    client.request("GET", "/teams", teamListSchema),
    client.request("GET", "/segments?include_count=true", segmentListSchema),
    countTickets(open),
    Promise.all(
      STATE_CATEGORIES.map((category) =>
        countTickets({ operator: "AND", value: [open, { field: "state", operator: "=", value: category }] }),
      ),
    ),
    countConversations(open),
    countConversations({ operator: "AND", value: [open, { field: "waiting_since", operator: ">", value: 0 }] }),
  ]);
  const teamCounts = await Promise.all(
    teams.teams.map((t) =>
      countConversations({ operator: "AND", value: [open, { field: "team_assignee_id", operator: "=", value: t.id }] }),
    ),
  );
  const assigned = teamCounts.reduce((a, b) => a + b, 0);
  const label = (category: string) => TICKET_STATE_CATEGORIES.enum.find((o) => o.value === category)?.label ?? category;
  return {
    tickets: {
      open: openTickets,
      byState: STATE_CATEGORIES.map((category, i) => ({ category, label: label(category), count: byState[i] })),
    },
    conversations: {
      open: openConversations,
      waiting,
      byTeam: [
        ...teams.teams
          .map((t, i) => ({ teamId: t.id, name: t.name, count: teamCounts[i] }))
          .sort((a, b) => b.count - a.count),
        { teamId: null, name: "No team", count: Math.max(0, openConversations - assigned) },
      ],
    },
    segments: segments.segments.map((s) => ({
      id: s.id,
      name: s.name,
      personType: s.person_type,
      count: s.count ?? null,
    })),
  };
}
