/**
 * Shared by the agreement tests: a sandbox, its ticket types parsed as the dashboard parses
 * them, and values of the right type for any attribute. Talks HTTP only, like the dashboard.
 */
import { expect } from "vitest";
import {
  ticketListSchema,
  ticketTypeListSchema,
  type Ticket,
  type TicketType,
  type TicketTypeAttribute,
} from "@/lib/intercom/schemas";
import type { RunningSandbox } from "@/lib/sandbox";
import { activeListOptions, type AttrValue, type TypeChangePlan } from "@/lib/tickets";
import { bootSandbox, client, control, expectOk, type Api } from "../../support/sandbox";

export interface Agreement {
  sb: RunningSandbox;
  /** Intercom-Version 2.16, where change_type exists. */
  api: Api;
  types: TicketType[];
  reset: () => Promise<void>;
  ticketsOf: (type: TicketType) => Promise<Ticket[]>;
}

export async function startAgreement(): Promise<Agreement> {
  const sb = await bootSandbox();
  const api = client(sb.url, sb.workspaces[0].access_token, "2.16");
  const types = expectOk(await api("GET", "/ticket_types"), ticketTypeListSchema).data;
  return {
    sb,
    api,
    types,
    reset: async () => {
      expect((await control(sb.url)("POST", "/sandbox/reset")).status).toBe(200);
    },
    ticketsOf: async (type) => {
      const res = await api("POST", "/tickets/search", {
        query: { field: "ticket_type_id", operator: "=", value: type.id },
        pagination: { per_page: 150 },
      });
      return expectOk(res, ticketListSchema).tickets;
    },
  };
}

export const byName = (types: TicketType[], name: string): TicketType => {
  const found = types.find((t) => t.name === name);
  if (!found) throw new Error(`no type ${name}`);
  return found;
};

/**
 * A valid value for an attribute; `variant` picks a different one, so an override can differ
 * from what would carry. Null for files, which the API cannot set.
 */
export function sampleValue(attr: TicketTypeAttribute, variant = 0): AttrValue | undefined {
  switch (attr.data_type) {
    case "string":
      return `${attr.name} ${variant + 1}`;
    case "list": {
      const items = activeListOptions(attr);
      return items[(items.length - 1 - variant + items.length * 4) % items.length]?.id;
    }
    case "integer":
      return 7 + variant;
    case "decimal":
      return 12.25 + variant;
    case "boolean":
      return variant % 2 === 0;
    case "datetime":
      return 1_800_000_000 + variant * 86_400;
    case "files":
      return undefined;
  }
}

/** Errors Intercom leaves to the dashboard: only required attributes left empty. */
export function onlyStricterErrors(plan: TypeChangePlan): boolean {
  const keys = Object.keys(plan.errors);
  return (
    keys.length > 0 &&
    keys.every((k) =>
      plan.attributes.some(
        (o) =>
          o.attribute.name === k &&
          (o.kind === "needs_value" || (o.kind === "override" && plan.errors[k].endsWith("needs a value"))),
      ),
    )
  );
}

/** The body a form would send for a plan, even a refused one, to see what Intercom says. */
export function bodyFor(
  plan: TypeChangePlan,
  targetTypeId: string,
  overrides: Record<string, AttrValue | undefined>,
  stateId?: string,
) {
  if (plan.request) return plan.request;
  const given = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  return {
    ticket_type_id: targetTypeId,
    ticket_state_id: stateId ?? plan.stateId ?? plan.target?.ticket_states[0]?.id ?? "1",
    ...(Object.keys(given).length ? { ticket_attributes: given } : {}),
  };
}

/** Text of an HTML body, as the dashboard will hand it to convertDefaults. */
export function textOf(html: string | null | undefined): string {
  return (html ?? "")
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
