/** The seeded conversations' pace by team and their SLA statuses, over the seed at scale 1. */
import { describe, expect, it } from "vitest";
import { seedWorkspaces } from "@/lib/sandbox/seed";
import { TEAM_PACE } from "@/lib/sandbox/seed/conversations";
import { SLA_TARGETS } from "@/lib/sandbox/seed/text";
import type { ConversationRec } from "@/lib/sandbox/store/types";

const NOW = 1_790_000_000;
const workspaces = seedWorkspaces({ seed: 42, scale: 1, now: NOW });

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

describe.each(workspaces.map((ws) => [ws.info.name, ws] as const))("%s", (_name, ws) => {
  const conversations = [...ws.conversations.values()];

  it("the fast team replies first and closes first, the slow team last, the others between", () => {
    const paces = Object.values(TEAM_PACE);
    const teamOf = (pace: number) => [...ws.teams.values()].find((t) => TEAM_PACE[t.name] === pace)!;
    const fast = teamOf(Math.min(...paces));
    const slow = teamOf(Math.max(...paces));
    const others = [...ws.teams.values()].filter((t) => t !== fast && t !== slow);
    expect(others.length).toBeGreaterThan(0);
    const medianOf = (teamId: string, stat: (c: ConversationRec) => number | null) =>
      median(
        conversations
          .filter((c) => c.team_assignee_id === teamId)
          .map(stat)
          .filter((v): v is number => v !== null),
      );
    for (const stat of [
      (c: ConversationRec) => c.statistics.time_to_admin_reply,
      (c: ConversationRec) => (c.state === "closed" ? c.statistics.time_to_last_close : null),
    ]) {
      const fastest = medianOf(fast.id, stat);
      const slowest = medianOf(slow.id, stat);
      for (const team of others) {
        const m = medianOf(team.id, stat);
        expect(fastest, `${fast.name} against ${team.name}`).toBeLessThan(m);
        expect(m, `${team.name} against ${slow.name}`).toBeLessThan(slowest);
      }
    }
  });

  it("every SLA status agrees with the conversation's first reply and the SLA's target", () => {
    const withSla = conversations.filter((c) => c.sla_applied !== null);
    expect(withSla.length).toBeGreaterThan(100);
    const seen = new Set<string>();
    for (const c of withSla) {
      const { sla_name, sla_status } = c.sla_applied!;
      const target = SLA_TARGETS[sla_name];
      expect(target, sla_name).toBeGreaterThan(0);
      const reply = c.statistics.time_to_admin_reply;
      const inTime = reply !== null && reply <= target;
      const expected =
        c.state === "closed"
          ? inTime
            ? "hit"
            : "missed"
          : reply === null
            ? NOW - c.created_at > target
              ? "missed"
              : "active"
            : inTime
              ? "active"
              : "missed";
      expect(sla_status, `conversation ${c.id}`).toBe(expected);
      seen.add(`${c.state === "closed" ? "closed" : "open"}:${sla_status}`);
    }
    expect(seen).toEqual(new Set(["closed:hit", "closed:missed", "open:active", "open:missed"]));
  });
});
