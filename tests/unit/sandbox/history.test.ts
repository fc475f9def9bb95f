/** The seeded history's creation times: the same draws as before, warped into a support team's week. */
import { describe, expect, it } from "vitest";
import { Random } from "@/lib/sandbox/random";
import { DAY } from "@/lib/sandbox/seed/catalog";
import { recentTime } from "@/lib/sandbox/seed/contacts";
import { History, INCIDENTS, localTime } from "@/lib/sandbox/seed/history";

const NOW = 1_790_000_000;
const DAYS = 119;
const DRAWS = 20_000;

/** Answers the given values in turn, as the seed's generator would. */
class Scripted extends Random {
  constructor(private values: number[]) {
    super(1);
  }
  override next(): number {
    const value = this.values.shift();
    if (value === undefined) throw new Error("no value left");
    return value;
  }
}

describe("the warp", () => {
  const history = new History(NOW, DAYS, "America/New_York");

  it("draws exactly what recentTime draws", () => {
    const [a, b] = [new Random(9), new Random(9)];
    for (let i = 0; i < 500; i++) {
      history.time(a);
      recentTime(b, NOW, DAYS);
      expect(a.next()).toBe(b.next());
    }
  });

  it("never moves a later time before an earlier one", () => {
    const backwards: number[] = [];
    let previous = -Infinity;
    for (let recent = NOW - DAYS * DAY - 3600; recent <= NOW - 60; recent += 97) {
      const at = history.warp(recent);
      if (at < previous) backwards.push(recent);
      previous = at;
    }
    expect(backwards).toEqual([]);
  });

  it("is monotone in the uniform draw: a larger draw is never more recent", () => {
    for (const jitter of [0, 0.5, 0.999]) {
      const forwards: number[] = [];
      let previous = Infinity;
      for (let u = 0; u < 1; u += 1 / 4096) {
        const at = history.time(new Scripted([u, jitter]));
        if (at > previous) forwards.push(u);
        previous = at;
      }
      expect(forwards).toEqual([]);
    }
  });

  it("keeps every time between the window's start and a minute ago", () => {
    const rng = new Random(3);
    for (let i = 0; i < 2000; i++) {
      const at = history.time(rng);
      expect(at).toBeGreaterThanOrEqual(NOW - DAYS * DAY);
      expect(at).toBeLessThanOrEqual(NOW - 60);
    }
  });
});

describe.each(["America/New_York", "Asia/Tokyo"])(`the shape of ${DRAWS} draws in %s`, (timeZone) => {
  const history = new History(NOW, DAYS, timeZone);
  const rng = new Random(`shape:${timeZone}`);
  const byWeekday = new Array<number>(7).fill(0);
  const byHour = new Array<number>(24).fill(0);
  const byDay = new Map<number, number>();
  for (let i = 0; i < DRAWS; i++) {
    const local = localTime(history.time(rng), timeZone);
    byWeekday[local.weekday]++;
    byHour[local.hour]++;
    byDay.set(local.day, (byDay.get(local.day) ?? 0) + 1);
  }

  it("weekend days are quieter than every weekday, and Monday is the busiest", () => {
    const weekend = [byWeekday[0], byWeekday[6]];
    const weekdays = byWeekday.slice(1, 6);
    expect(Math.max(...weekend)).toBeLessThan(Math.min(...weekdays));
    expect(byWeekday[1]).toBe(Math.max(...byWeekday));
  });

  it("night hours (0–5) are quieter than day hours (9–16)", () => {
    expect(Math.max(...byHour.slice(0, 6))).toBeLessThan(Math.min(...byHour.slice(9, 17)) / 3);
  });

  it("each incident day is busier than the day before and the day after", () => {
    expect(history.incidentDays).toHaveLength(INCIDENTS.length);
    history.incidentDays.forEach((day, i) => {
      const today = localTime(NOW, timeZone).day;
      expect(today - day).toBeGreaterThanOrEqual(INCIDENTS[i].daysAgo - 1);
      expect(today - day).toBeLessThanOrEqual(INCIDENTS[i].daysAgo + 1);
      const count = byDay.get(day) ?? 0;
      expect(count).toBeGreaterThan(1.5 * (byDay.get(day - 1) ?? 0));
      expect(count).toBeGreaterThan(1.5 * (byDay.get(day + 1) ?? 0));
    });
  });

  it("recent weeks are busier than older ones", () => {
    const today = localTime(NOW, timeZone).day;
    const inDays = (from: number, to: number) =>
      [...byDay].filter(([day]) => today - day >= from && today - day < to).reduce((sum, [, n]) => sum + n, 0);
    expect(inDays(0, 28)).toBeGreaterThan(inDays(28, 56));
    expect(inDays(28, 56)).toBeGreaterThan(inDays(56, 84));
    expect(inDays(56, 84)).toBeGreaterThan(inDays(84, 112));
  });
});
