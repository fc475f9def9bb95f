import type { Random } from "../random";
import { recomputeStatistics, emptyStatistics } from "../store/derive";
import type {
  AdminRec,
  Author,
  ContactRec,
  ConversationPartRec,
  ConversationRec,
  Reference,
  TeamRec,
} from "../store/types";
import type { Workspace } from "../store/workspace";
import { AI_RESOLUTION_STATES, type PriorityLevel } from "../versions";
import { DAY } from "./catalog";
import { recentTime } from "./contacts";
import { History } from "./history";
import { RATING_REMARKS, SLA_NAMES, SLA_TARGETS, TOPICS, fill, type Topic, type Vocabulary } from "./text";

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

/** The longest wait between two parts of a conversation at the plain pace. */
const LONGEST_STEP = 6 * 3600;

/** How long a team takes between two parts against the plain pace; a conversation with no team waits longer. */
export const TEAM_PACE: Readonly<Record<string, number>> = { "Tier 1 Support": 0.4, Escalations: 2.5 };
export const PACE_WITHOUT_TEAM = 1.5;

export function teamPace(team: TeamRec | null): number {
  return team ? (TEAM_PACE[team.name] ?? 1) : PACE_WITHOUT_TEAM;
}

/**
 * Builds parts one after another, never past `now`, on two clocks that take the same draws.
 * The plan's clock (the creation time `recentTime()` gives and the plain step) decides which
 * parts are written, and so which values are drawn: the rest of the seed does not depend on
 * when a conversation happened. The history's clock (its time in the workspace's history and
 * its team's pace) dates the parts. Once the history's clock would pass `now`, no further part
 * is kept: the conversation has not got that far yet.
 */
class Timeline {
  readonly parts: ConversationPartRec[] = [];
  /** The author of the last part written, kept or not. */
  lastAuthor: Author | null = null;
  private running = true;
  /** The conversation's state so far: each part records it. */
  private state: ConversationPartRec["state"] = "open";
  constructor(
    private ws: Workspace,
    private rng: Random,
    private now: number,
    private history: Clock,
    private plan: Clock,
  ) {}
  advance(): boolean {
    const draw = this.rng.next();
    const planned = this.plan.at + Math.max(30, Math.floor(draw * this.plan.step));
    if (planned >= this.now - 60) return false;
    this.plan.at = planned;
    if (this.running) {
      const next = this.history.at + Math.max(30, Math.floor(draw * this.history.step));
      if (next >= this.now - 60) this.running = false;
      else this.history.at = next;
    }
    return true;
  }
  /** Writes a part at the time reached; answers whether it is kept. */
  add(part_type: string, author: Author, body: string | null, extra: Partial<ConversationPartRec> = {}): boolean {
    // A part not kept still takes its id, so the ids of later parts do not depend on it.
    const id = this.ws.nextPartId();
    this.lastAuthor = author;
    if (!this.running) return false;
    this.state = extra.state ?? this.state;
    const at = this.history.at;
    this.parts.push({
      state: this.state,
      id,
      part_type,
      body,
      created_at: at,
      updated_at: at,
      notified_at: at,
      assigned_to: null,
      author,
      redacted: false,
      ...extra,
    });
    return true;
  }
}

/** A clock of the timeline: the time it has reached, and the longest step between two parts. */
interface Clock {
  at: number;
  step: number;
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
  const history = new History(now, 119, ws.info.timezone);

  for (let i = 0; i < count; i++) {
    const xss = i === 3;
    const long = i === 5;
    const contact = rng.pick(contacts);
    const topic: Topic = rng.pick(TOPICS);
    // The time the plan of the conversation is drawn for, and its time in the workspace's history.
    const planned = long ? now - 60 * DAY : xss ? now - 3 * DAY : recentTime(rng, now, 119);
    const created = long || xss ? planned : history.warp(planned);
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

    const stepFrom = (start: number, longest: number) => {
      const span = Math.max(600, now - start);
      return long ? Math.floor(span / (LONG_PART_COUNT + 5)) : Math.min(span / 6, longest);
    };
    const plan: Clock = { at: planned, step: stepFrom(planned, 2 * DAY) };
    const tl = new Timeline(
      ws,
      rng,
      now,
      long || xss ? { ...plan } : { at: created, step: stepFrom(created, LONGEST_STEP) * teamPace(team) },
      plan,
    );

    if (aiParticipated && tl.advance()) {
      tl.add("comment", fin, p("I'm Fin, an AI agent. Let me look into that for you. Could you tell me a bit more?"));
      if (tl.advance()) tl.add("comment", contactAuthor(contact), p(phrase(ctx, rng.pick(topic.followUps))));
    }
    let assignedTeam: string | null = null;
    let assignedAdmin: string | null = null;
    if (team && tl.advance()) {
      if (tl.add("assignment", operator, null, { assigned_to: { type: "team", id: team.id } })) assignedTeam = team.id;
    }
    if (assignee && tl.advance()) {
      if (tl.add("assignment", adminAuthor(assignee), null, { assigned_to: { type: "admin", id: assignee.id } }))
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

    // The state the plan ends in decides the draws below; the parts kept decide the conversation's state.
    let plannedState: ConversationRec["state"] = "open";
    let snoozedUntil: number | null = null;
    if (finalState === "closed" && tl.advance()) {
      if (rng.chance(0.5) && tl.lastAuthor?.type !== "admin")
        tl.add("comment", adminAuthor(replier), p(phrase(ctx, rng.pick(topic.replies))));
      if (tl.advance()) {
        tl.add(
          "close",
          adminAuthor(replier),
          rng.chance(0.4) ? p("Closing this one, reply any time if you need more help.") : null,
          { state: "closed" },
        );
        plannedState = "closed";
      }
    } else if (finalState === "snoozed" && tl.advance()) {
      snoozedUntil = now + rng.int(2, 96) * 3600;
      tl.add("snoozed", adminAuthor(replier), null, {
        state: "snoozed",
        event: { kind: "snoozed", until: snoozedUntil },
      });
      plannedState = "snoozed";
    } else if (rng.chance(0.12) && tl.advance()) {
      // Closed once, then the customer came back.
      tl.add("close", adminAuthor(replier), null, { state: "closed" });
      if (tl.advance()) {
        tl.add("open", contactAuthor(contact), p(phrase(ctx, rng.pick(topic.followUps))), { state: "open" });
      } else {
        plannedState = "closed";
      }
    }
    const state = tl.parts.at(-1)?.state ?? "open";

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
    const rated = plannedState === "closed" && rng.chance(0.35);
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
      read: (plannedState === "closed" ? false : rng.chance(0.55)) || state === "closed",
      waiting_since: waitingSince,
      snoozed_until: state === "snoozed" ? snoozedUntil : null,
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
      sla_applied: rng.chance(0.4) ? drawSla(rng) : null,
      // Drawn as planned; kept when the conversation got as far as being closed.
      conversation_rating: keptIf(
        state === "closed",
        rated
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
      ),
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
    if (conv.sla_applied) conv.sla_applied.sla_status = slaStatus(conv, now);
    ws.addConversation(conv);
  }
}

function keptIf<T>(keep: boolean, value: T | null): T | null {
  return keep ? value : null;
}

function drawSla(rng: Random): NonNullable<ConversationRec["sla_applied"]> {
  const sla_name = rng.pick(SLA_NAMES);
  // The status follows from the replies (slaStatus); this draw keeps every later seeded value as it was.
  rng.next();
  return { sla_name, sla_status: "active" };
}

/**
 * An SLA's status as its first-response target and the conversation's statistics say: a closed
 * conversation hit it when a teammate first replied within the target and missed it otherwise;
 * an open one has missed it once the target has passed without a reply in time, and is active until then.
 */
export function slaStatus(conv: ConversationRec, now: number): "hit" | "missed" | "active" {
  const target = SLA_TARGETS[conv.sla_applied?.sla_name ?? ""] ?? Infinity;
  const reply = conv.statistics.time_to_admin_reply;
  const inTime = reply !== null && reply <= target;
  if (conv.state === "closed") return inTime ? "hit" : "missed";
  if (reply !== null) return inTime ? "active" : "missed";
  return now - conv.created_at > target ? "missed" : "active";
}

export function partRef(type: "admin" | "team", id: string): Reference {
  return { type, id };
}
