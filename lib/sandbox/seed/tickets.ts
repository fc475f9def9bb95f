import type { Random } from "../random";
import type { Author, StateCategory, TicketPartRec, TicketRec, TicketTypeRec } from "../store/types";
import type { Workspace } from "../store/workspace";
import { DAY } from "./catalog";
import { adminAuthor, contactAuthor, phrase, type TextContext, XSS_BODY } from "./conversations";
import { History } from "./history";
import { TOPICS, type Vocabulary } from "./text";

const TITLES: Record<string, string[]> = {
  "Bug report": TOPICS.find((t) => t.key === "bug")!.subjects,
  "Billing question": TOPICS.find((t) => t.key === "billing")!.subjects,
  "Feature request": TOPICS.find((t) => t.key === "feature")!.subjects,
  "Legacy complaint": ["Complaint about response times", "Unhappy with the {feature} change"],
  "Refund approval": [
    "Refund for {invoice}",
    "Partial refund after outage, {invoice}",
    "Goodwill credit for {plan} customer",
  ],
  "Account review": [
    "Seat review before renewal",
    "Downgrade request from {plan}",
    "Security review for enterprise prospect",
  ],
  "Engineering incident": [
    "{feature} is slow to load",
    "Elevated {error} errors",
    "{integration} sync failures",
    "Login outage for SSO customers",
  ],
  "Product feedback": [
    "Bulk edit in {feature}",
    "More {integration} triggers",
    "Dark mode",
    "Custom fields in reports",
  ],
};

const DESCRIPTIONS: Record<string, string[]> = {
  "Refund approval": [
    "Customer asked for a refund after a double charge. Needs approval above $500.",
    "Outage credit requested by the account manager.",
  ],
  "Account review": [
    "Review seat usage and plan before the renewal call.",
    "Customer wants to downgrade; check contract terms.",
  ],
  "Engineering incident": [
    "Several customers report the same problem since this morning.",
    "Alerting fired at 09:12 UTC; customers affected across regions.",
  ],
  "Product feedback": [
    "Collects customer requests for the same improvement.",
    "Requests from the last quarter, grouped.",
  ],
};

const CATEGORY_WEIGHT: Record<StateCategory, number> = {
  submitted: 20,
  in_progress: 32,
  waiting_on_customer: 18,
  resolved: 30,
};

export function seedTickets(ws: Workspace, rng: Random, now: number, count: number, vocab: Vocabulary): void {
  const types = [...ws.ticketTypes.values()];
  const weightOf = (t: TicketTypeRec) =>
    t.archived ? 2 : t.category === "Customer" ? 20 : t.category === "Back-office" ? 13 : 9;
  const users = [...ws.contacts.values()].filter((c) => c.role === "user");
  const admins = [...ws.admins.values()].filter((a) => a.email_verified);
  const teams = [...ws.teams.values()];
  const tags = [...ws.tags.values()];
  const operator = ws.operator();
  const ctx: TextContext = { vocab, rng };
  const conversations = ws.orderedConversations().filter((c) => c.ticket_id === null);
  const customerTickets: TicketRec[] = [];
  const trackerTickets: TicketRec[] = [];
  const history = new History(now, 118, ws.info.timezone);

  for (let i = 0; i < count; i++) {
    const type = rng.weighted(types.map((t) => [t, weightOf(t)] as const));
    const states = type.state_ids.map((id) => ws.ticketStates.get(id)!);
    const state = rng.weighted(
      states.map(
        (s) => [s, CATEGORY_WEIGHT[s.category] / states.filter((x) => x.category === s.category).length] as const,
      ),
    );
    const created = type.archived ? now - rng.int(100, 119) * DAY : history.time(rng);
    const contact =
      type.category === "Customer" || (type.category === "Back-office" && rng.chance(0.5)) ? rng.pick(users) : null;
    const team = rng.chance(0.8) ? rng.pick(teams) : null;
    const teamAdmins = team ? admins.filter((a) => team.admin_ids.includes(a.id)) : admins;
    const assignee = rng.chance(0.75) ? rng.pick(teamAdmins.length ? teamAdmins : admins) : null;
    const creator: Author =
      contact && type.category === "Customer" ? contactAuthor(contact) : adminAuthor(rng.pick(admins));
    const title = phrase(ctx, rng.pick(TITLES[type.name] ?? ["Ticket"]));
    const description =
      i === 7
        ? XSS_BODY
        : DESCRIPTIONS[type.name]
          ? rng.pick(DESCRIPTIONS[type.name])
          : phrase(
              ctx,
              rng.pick(TOPICS.find((t) => TITLES[type.name] === t.subjects)?.openers ?? ["Please take a look."]),
            );

    const attributes: TicketRec["attributes"] = { _default_title_: title, _default_description_: description };
    for (const attr of type.attributes) {
      if (attr.default || (!attr.required_to_create && rng.chance(0.25))) continue;
      switch (attr.data_type) {
        case "list":
          attributes[attr.name] = rng.pick(attr.list_options!).id;
          break;
        case "string":
          attributes[attr.name] =
            attr.name === "Invoice number"
              ? `INV-${rng.int(10_000, 99_999)}`
              : attr.name === "Browser"
                ? rng.pick(["Chrome 126", "Safari 17", "Firefox 127"])
                : phrase(ctx, rng.pick(["{feature}", "Checked with {integration}", "See {error}"]));
          break;
        case "integer":
          attributes[attr.name] = rng.int(1, 500);
          break;
        case "decimal":
          attributes[attr.name] = Math.round(rng.next() * 200_000) / 100;
          break;
        case "boolean":
          attributes[attr.name] = rng.chance(0.4);
          break;
        case "datetime":
          attributes[attr.name] = created + rng.int(1, 30) * DAY;
          break;
      }
    }

    // The parts: the opening message, assignment, then state changes leading to the current state.
    const parts: TicketPartRec[] = [];
    let t = created;
    const span = Math.max(900, now - created);
    const step = () => {
      t = Math.min(now - 120, t + Math.max(60, Math.floor(rng.next() * (span / 5))));
      return t;
    };
    const part = (part_type: string, author: Author, extra: Partial<TicketPartRec> = {}): void => {
      parts.push({
        id: ws.nextPartId(),
        part_type,
        body: null,
        created_at: t,
        updated_at: t,
        author,
        assigned_to: null,
        redacted: false,
        ...extra,
      });
    };
    part(creator.type === "admin" ? "note" : "comment", creator, {
      body: `<p>${creator.type === "admin" ? "Created from the inbox." : title}</p>`,
    });
    if (team) {
      step();
      part("assignment", operator, { assigned_to: { type: "team", id: team.id } });
    }
    if (assignee) {
      step();
      part("assignment", adminAuthor(assignee), { assigned_to: { type: "admin", id: assignee.id } });
    }
    const path = states.filter((s) => s.category !== "resolved" || s.id === state.id);
    const stopAt = path.findIndex((s) => s.id === state.id);
    let previous: string | null = null;
    let current = states[0];
    for (let k = 1; k <= stopAt; k++) {
      if (rng.chance(0.4) && k < stopAt) continue;
      step();
      part("ticket_state_updated_by_admin", adminAuthor(assignee ?? rng.pick(admins)), {
        previous_ticket_state: current.category,
        ticket_state: path[k].category,
      });
      previous = current.id;
      current = path[k];
    }
    if (current.id !== state.id) {
      step();
      part("ticket_state_updated_by_admin", adminAuthor(assignee ?? rng.pick(admins)), {
        previous_ticket_state: current.category,
        ticket_state: state.category,
      });
      previous = current.id;
    }
    if (rng.chance(0.5)) {
      step();
      part("note", adminAuthor(rng.pick(admins)), {
        body: `<p>${phrase(ctx, rng.pick(["Checked the logs, nothing unusual for {feature}.", "Waiting on engineering for {error}.", "Customer is on {plan}."]))}</p>`,
      });
    }
    if (contact && type.category === "Customer" && rng.chance(0.5)) {
      step();
      part("comment", adminAuthor(assignee ?? rng.pick(admins)), {
        body: `<p>${phrase(ctx, rng.pick(TOPICS[rng.int(0, TOPICS.length - 1)].replies))}</p>`,
      });
    }

    const resolved = state.category === "resolved";
    const open = resolved ? rng.chance(0.1) : true;
    const ticket: TicketRec = {
      id: ws.nextConversationId(),
      ticket_id: ws.nextTicketNumber(),
      ticket_type_id: type.id,
      ticket_state_id: state.id,
      previous_ticket_state_id: previous,
      attributes,
      contact_ids: contact ? [contact.id] : [],
      admin_assignee_id: assignee?.id ?? null,
      team_assignee_id: team?.id ?? null,
      created_at: created,
      updated_at: Math.min(now - 60, t + rng.int(0, 600)),
      open,
      snoozed_until: open && !resolved && rng.chance(0.06) ? now + rng.int(2, 120) * 3600 : null,
      is_shared: type.category === "Customer" ? rng.chance(0.9) : false,
      tags: rng
        .sample(
          tags,
          rng.weighted([
            [0, 6],
            [1, 3],
            [2, 1],
          ] as const),
        )
        .map((tag) => ({
          id: tag.id,
          applied_at: created + 120,
          applied_by: { type: "admin" as const, id: (assignee ?? admins[0]).id },
        })),
      parts,
      linked: [],
    };
    ws.addTicket(ticket);
    if (type.category === "Customer") customerTickets.push(ticket);
    if (type.category === "Tracker") trackerTickets.push(ticket);

    // Many customer tickets came from a conversation.
    if (type.category === "Customer" && contact && rng.chance(0.45) && conversations.length > 0) {
      const conv = conversations.pop()!;
      conv.ticket_id = ticket.id;
      conv.linked.push({ type: "ticket", id: ticket.id });
      ticket.linked.push({ type: "conversation", id: conv.id });
    }
  }

  // Trackers group customer tickets.
  for (const tracker of trackerTickets) {
    for (const linked of rng.sample(customerTickets, rng.int(0, 4))) {
      tracker.linked.push({ type: "ticket", id: linked.id });
      linked.linked.push({ type: "ticket", id: tracker.id });
    }
  }
}
