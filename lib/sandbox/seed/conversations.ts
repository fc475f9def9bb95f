import type { Random } from "../random";
import { recomputeStatistics, emptyStatistics } from "../store/derive";
import type { AdminRec, Author, ContactRec, ConversationPartRec, ConversationRec, Reference } from "../store/types";
import type { Workspace } from "../store/workspace";
import { AI_RESOLUTION_STATES, type PriorityLevel } from "../versions";
import { DAY } from "./catalog";
import { recentTime } from "./contacts";
import { RATING_REMARKS, SLA_NAMES, TOPICS, fill, type Topic, type Vocabulary } from "./text";

/** Markup that must never run in the dashboard: an onerror handler and a script tag. */
export const XSS_SUBJECT = "Screenshot of the error attached";
export const XSS_BODY =
  '<p>Hi team, the screenshot of the error is below.</p><img src="x" onerror="window.__xss=1;document.title=\'pwned\'"><script>window.__xss=2</script><p>Thanks!</p>';

/** One conversation is long enough to exercise the 500-part limit and the virtualised timeline. */
export const LONG_CONVERSATION_SUBJECT = "Ongoing migration support thread";
const LONG_PART_COUNT = 520;

export const CHANNEL_WEIGHTS = [
  ["conversation", 48],
  ["email", 30],
  ["whatsapp", 6],
  ["sms", 3],
  ["phone_call", 4],
  ["facebook", 3],
  ["instagram", 2],
  ["twitter", 2],
  ["push", 2],
] as const;

export function contactAuthor(c: ContactRec): Author {
  return { type: c.role, id: c.id, name: c.name, email: c.email };
}

export function adminAuthor(a: AdminRec): Author {
  return { type: "admin", id: a.id, name: a.name, email: a.email };
}

export interface TextContext {
  vocab: Vocabulary;
  rng: Random;
}

export function phrase(ctx: TextContext, template: string, firstName = "there"): string {
  const { vocab, rng } = ctx;
  return fill(template, {
    product: vocab.product,
    feature: rng.pick(vocab.features),
    integration: rng.pick(vocab.integrations),
    plan: rng.pick(vocab.plans),
    error: rng.pick(vocab.errors),
    invoice: `INV-${rng.int(10_000, 99_999)}`,
    browser: rng.pick(["Safari", "Firefox", "Chrome", "Edge"]),
    first: firstName,
  });
}

const p = (text: string) => `<p>${text}</p>`;

/** Prioritised conversations take these levels in turn (no random draw, so the rest of the seed is unchanged). */
const SEEDED_LEVELS: readonly PriorityLevel[] = ["high", "urgent", "medium", "low"];

/** Builds parts one after another, never past `now`. */
class Timeline {
  t: number;
  readonly parts: ConversationPartRec[] = [];
  /** The conversation's state so far: each part records it. */
  private state: ConversationPartRec["state"] = "open";
  constructor(
    private ws: Workspace,
    private rng: Random,
    start: number,
    private now: number,
    private step: number,
  ) {
    this.t = start;
  }
  advance(): boolean {
    const next = this.t + Math.max(30, Math.floor(this.rng.next() * this.step));
    if (next >= this.now - 60) return false;
    this.t = next;
    return true;
  }
  add(
    part_type: string,
    author: Author,
    body: string | null,
    extra: Partial<ConversationPartRec> = {},
  ): ConversationPartRec {
    this.state = extra.state ?? this.state;
    const part: ConversationPartRec = {
      state: this.state,
      id: this.ws.nextPartId(),
      part_type,
      body,
      created_at: this.t,
      updated_at: this.t,
      notified_at: this.t,
      assigned_to: null,
      author,
      redacted: false,
      ...extra,
    };
    this.parts.push(part);
    return part;
  }
}

export function seedConversations(ws: Workspace, rng: Random, now: number, count: number, vocab: Vocabulary): void {
  const contacts = [...ws.contacts.values()];
  const admins = [...ws.admins.values()].filter((a) => a.email_verified);
  const teams = [...ws.teams.values()];
  const tags = [...ws.tags.values()];
  const operator = ws.operator();
  const fin: Author = {
    type: "bot",
    id: String(ws.idBase + 998),
    name: "Fin",
    email: `fin+${ws.info.id_code}@intercom.io`,
  };
  const ctx: TextContext = { vocab, rng };

  for (let i = 0; i < count; i++) {
    const xss = i === 3;
    const long = i === 5;
    const contact = rng.pick(contacts);
    const topic: Topic = rng.pick(TOPICS);
    const created = long ? now - 60 * DAY : xss ? now - 3 * DAY : recentTime(rng, now, 119);
    const channel = rng.weighted(CHANNEL_WEIGHTS);
    const contactInitiated = rng.chance(0.82);
    const firstAdmin = rng.pick(admins);
    const finalState = rng.weighted([
      ["open", 35],
      ["closed", 50],
      ["snoozed", 15],
    ] as const);
    const team = rng.chance(0.8) ? rng.pick(teams) : null;
    const teamAdmins = team ? admins.filter((a) => team.admin_ids.includes(a.id)) : admins;
    const assignee = rng.chance(0.72) ? rng.pick(teamAdmins.length ? teamAdmins : admins) : null;
    const aiParticipated = contactInitiated && channel === "conversation" && rng.chance(0.35);

    const subject = xss ? XSS_SUBJECT : long ? LONG_CONVERSATION_SUBJECT : phrase(ctx, rng.pick(topic.subjects));
    const openerText = phrase(ctx, rng.pick(topic.openers));
    const sourceAuthor = contactInitiated ? contactAuthor(contact) : adminAuthor(firstAdmin);
    const sourceBody = xss
      ? XSS_BODY
      : contactInitiated
        ? p(openerText)
        : p(`Hi ${contact.name.split(" ")[0]}, ${phrase(ctx, rng.pick(topic.replies)).toLowerCase()}`);

    const span = Math.max(600, now - created);
    const tl = new Timeline(
      ws,
      rng,
      created,
      now,
      long ? Math.floor(span / (LONG_PART_COUNT + 5)) : Math.min(span / 6, 2 * DAY),
    );

    if (aiParticipated && tl.advance()) {
      tl.add("comment", fin, p("I'm Fin, an AI agent. Let me look into that for you. Could you tell me a bit more?"));
      if (tl.advance()) tl.add("comment", contactAuthor(contact), p(phrase(ctx, rng.pick(topic.followUps))));
    }
    let assignedTeam: string | null = null;
    let assignedAdmin: string | null = null;
    if (team && tl.advance()) {
      tl.add("assignment", operator, null, { assigned_to: { type: "team", id: team.id } });
      assignedTeam = team.id;
    }
    if (assignee && tl.advance()) {
      tl.add("assignment", adminAuthor(assignee), null, { assigned_to: { type: "admin", id: assignee.id } });
      assignedAdmin = assignee.id;
    }
    const replier = assignee ?? firstAdmin;
    const exchanges = long ? Math.floor(LONG_PART_COUNT / 2) : rng.int(0, 3);
    for (let k = 0; k < exchanges; k++) {
      if (!tl.advance()) break;
      if (!long && rng.chance(0.25)) {
        tl.add("note", adminAuthor(rng.pick(admins)), p(phrase(ctx, rng.pick(topic.notes))));
        if (!tl.advance()) break;
      }
      tl.add("comment", adminAuthor(replier), p(phrase(ctx, rng.pick(topic.replies))));
      if (!tl.advance()) break;
      tl.add("comment", contactAuthor(contact), p(phrase(ctx, rng.pick(topic.followUps))));
    }
    if (xss && tl.advance()) {
      tl.add(
        "comment",
        contactAuthor(contact),
        '<p>Another one: <a href="javascript:alert(1)">click</a><iframe src="https://evil.example"></iframe></p>',
      );
    }

    let state: ConversationRec["state"] = "open";
    let snoozedUntil: number | null = null;
    if (finalState === "closed" && tl.advance()) {
      if (rng.chance(0.5) && tl.parts.at(-1)?.author.type !== "admin")
        tl.add("comment", adminAuthor(replier), p(phrase(ctx, rng.pick(topic.replies))));
      if (tl.advance()) {
        tl.add(
          "close",
          adminAuthor(replier),
          rng.chance(0.4) ? p("Closing this one, reply any time if you need more help.") : null,
          { state: "closed" },
        );
        state = "closed";
      }
    } else if (finalState === "snoozed" && tl.advance()) {
      snoozedUntil = now + rng.int(2, 96) * 3600;
      tl.add("snoozed", adminAuthor(replier), null, {
        state: "snoozed",
        event: { kind: "snoozed", until: snoozedUntil },
      });
      state = "snoozed";
    } else if (rng.chance(0.12) && tl.advance()) {
      // Closed once, then the customer came back.
      tl.add("close", adminAuthor(replier), null, { state: "closed" });
      if (tl.advance()) {
        tl.add("open", contactAuthor(contact), p(phrase(ctx, rng.pick(topic.followUps))), { state: "open" });
      } else {
        state = "closed";
      }
    }

    const lastContactComment = [...tl.parts].reverse().find((x) => x.part_type === "comment" || x.part_type === "open");
    const waitingSince =
      state === "open" &&
      lastContactComment &&
      lastContactComment.author.type !== "admin" &&
      lastContactComment.author.type !== "bot"
        ? lastContactComment.created_at
        : state === "open" && tl.parts.length === 0 && contactInitiated
          ? created
          : null;
    const lastAt = tl.parts.at(-1)?.created_at ?? created;
    const teammateId = assignedAdmin ?? replier.id;
    const rated = state === "closed" && rng.chance(0.35);
    const conv: ConversationRec = {
      id: ws.nextConversationId(),
      created_at: created,
      updated_at: Math.min(now - 30, lastAt + rng.int(0, 120)),
      title: channel === "email" || rng.chance(0.3) ? subject : null,
      source: {
        type: channel,
        id: ws.nextSourceId(),
        delivered_as: contactInitiated
          ? "customer_initiated"
          : rng.pick(["admin_initiated", "automated", "operator_initiated"]),
        subject: channel === "email" || xss || long ? subject : "",
        body: sourceBody,
        author: sourceAuthor,
        url:
          channel === "conversation"
            ? `https://app.${vocab.product.toLowerCase()}.example/${rng.pick(["dashboard", "settings/billing", "projects", "reports"])}`
            : null,
        redacted: false,
      },
      channel_initiated: channel,
      contact_ids: [contact.id, ...(rng.chance(0.04) ? [rng.pick(contacts).id] : [])].filter(
        (v, k, a) => a.indexOf(v) === k,
      ),
      admin_assignee_id: assignedAdmin,
      team_assignee_id: assignedTeam,
      open: state !== "closed",
      state,
      read: state === "closed" ? true : rng.chance(0.55),
      waiting_since: waitingSince,
      snoozed_until: snoozedUntil,
      priority: rng.chance(0.2) || xss ? SEEDED_LEVELS[i % SEEDED_LEVELS.length] : "none",
      tags: rng
        .sample(
          tags,
          rng.weighted([
            [0, 5],
            [1, 5],
            [2, 3],
            [3, 1],
          ] as const),
        )
        .map((t) => ({
          id: t.id,
          applied_at: created + 60,
          applied_by: { type: "admin" as const, id: replier.id },
        })),
      custom_attributes: {
        issue_type:
          topic.key === "billing"
            ? "Billing"
            : topic.key === "bug"
              ? "Bug"
              : topic.key === "feature"
                ? "Feature request"
                : topic.key === "account"
                  ? "Account"
                  : "Question",
        order_value: rng.chance(0.3) ? rng.int(500, 250_000) : null,
        escalated: rng.chance(0.1),
        follow_up_date: rng.chance(0.2) ? now + rng.int(1, 20) * DAY : null,
        product_area: rng.pick(vocab.features),
        refund_amount: topic.key === "billing" && rng.chance(0.3) ? Math.round(rng.next() * 50_000) / 100 : null,
      },
      statistics: emptyStatistics(),
      sla_applied: rng.chance(0.4)
        ? {
            sla_name: rng.pick(SLA_NAMES),
            sla_status:
              state === "closed"
                ? rng.weighted([
                    ["hit", 7],
                    ["missed", 2],
                    ["cancelled", 1],
                  ] as const)
                : rng.weighted([
                    ["active", 6],
                    ["missed", 2],
                    ["hit", 2],
                  ] as const),
          }
        : null,
      conversation_rating: rated
        ? {
            rating: rng.weighted([
              [5, 6],
              [4, 3],
              [3, 1],
              [2, 1],
              [1, 1],
            ] as const),
            remark: rng.pick(RATING_REMARKS),
            requested_at: lastAt,
            created_at: Math.min(now - 10, lastAt + rng.int(60, 7200)),
            contact_id: contact.id,
            teammate_id: teammateId,
          }
        : null,
      ai_agent_participated: aiParticipated,
      ai_agent: aiParticipated
        ? {
            source_type: rng.pick(["workflow", "profile", "essentials_plan_setup"]),
            source_title: rng.pick(["Support Fin", "Billing assistant", "After-hours Fin"]),
            last_answer_type: rng.pick(["ai_answer", "custom_answer", null]),
            resolution_state: rng.pick(AI_RESOLUTION_STATES),
            rating: rng.chance(0.4) ? rng.int(1, 5) : null,
            rating_remark: rng.chance(0.2) ? "Quick answer" : null,
            created_at: created + 30,
            updated_at: created + 600,
          }
        : null,
      parts: tl.parts,
      ticket_id: null,
      linked: [],
    };
    recomputeStatistics(conv);
    ws.addConversation(conv);
  }
}

export function partRef(type: "admin" | "team", id: string): Reference {
  return { type, id };
}
