/**
 * When seeded conversations and tickets were created, shaped like a support team's history:
 * quiet nights and weekends in the workspace's timezone, busy Mondays, an incident about 20
 * days ago and a smaller one about 50 days ago, and recent weeks busier than older ones.
 *
 * A time is drawn exactly as `recentTime()` draws it (the same two values) and then moved by a
 * monotone map that keeps the share of records older than it: the seed's other values stay as
 * they are and records keep their order by creation time.
 */
import type { Random } from "../random";
import { offsetAt } from "../search/time";
import { DAY } from "./catalog";
import { recentTime } from "./contacts";

const HOUR = 3600;
/** `recentTime()`: age = skew^1.6 × window + a uniform 60 to 3,600 seconds. */
const SKEW_POWER = 1.6;
const JITTER = { min: 60, max: 3600 } as const;
/** No record is younger than this. */
const MIN_AGE = 60;
/** The history's resolution. */
const BIN = 900;

/** Relative traffic by local weekday, Sunday first (as `Date.getUTCDay()`). */
export const WEEKDAY_WEIGHTS: readonly number[] = [0.3, 1.35, 1.15, 1.05, 1, 0.9, 0.35];

/** Relative traffic by local hour. */
export const HOUR_WEIGHTS: readonly number[] = [
  0.12, 0.08, 0.06, 0.06, 0.07, 0.1, 0.2, 0.4, 0.75, 1, 1.1, 1.1, 0.9, 0.95, 1.05, 1, 0.9, 0.75, 0.55, 0.45, 0.4, 0.35,
  0.25, 0.17,
];

/** Incidents: the local day about `daysAgo` days back (a weekday) and the day after carry more traffic. */
export const INCIDENTS = [
  { daysAgo: 20, factor: 3.2, dayAfter: 1.6 },
  { daysAgo: 50, factor: 2, dayAfter: 1.2 },
] as const;

export interface LocalTime {
  /** Days since 1970-01-01 in the zone: the local calendar day. */
  day: number;
  /** 0 is Sunday. */
  weekday: number;
  hour: number;
}

/** The local calendar day, weekday and hour of an instant in a timezone. */
export function localTime(ts: number, timeZone: string, offset = offsetAt(ts, timeZone)): LocalTime {
  const local = ts + offset;
  const day = Math.floor(local / DAY);
  return { day, weekday: (day + 4) % 7, hour: Math.floor((local - day * DAY) / HOUR) };
}

/**
 * The zone's offset from UTC at an instant, asking Intl about once a day: a UTC day whose
 * start and end have the same offset has it throughout; otherwise each hour is asked.
 */
function zoneOffsets(timeZone: string): (ts: number) => number {
  const asked = new Map<number, number>();
  const at = (ts: number) => {
    let offset = asked.get(ts);
    if (offset === undefined) {
      offset = offsetAt(ts, timeZone);
      asked.set(ts, offset);
    }
    return offset;
  };
  return (ts) => {
    const day = Math.floor(ts / DAY) * DAY;
    const start = at(day);
    return start === at(day + DAY) ? start : at(Math.floor(ts / HOUR) * HOUR);
  };
}

export class History {
  /** The local days of the incidents (as `LocalTime.day`), most recent first. */
  readonly incidentDays: number[];
  private readonly window: number;
  /** Ages (seconds before now) bounding each bin, youngest first. */
  private readonly edges: Float64Array;
  /** Cumulative weight up to each edge. */
  private readonly cumulative: Float64Array;

  constructor(
    readonly now: number,
    readonly days: number,
    readonly timeZone: string,
  ) {
    this.window = days * DAY;
    this.incidentDays = INCIDENTS.map(({ daysAgo }) => {
      const { day, weekday } = localTime(now - daysAgo * DAY, timeZone);
      return weekday === 6 ? day - 1 : weekday === 0 ? day + 1 : day;
    });
    const dayFactor = new Map<number, number>();
    INCIDENTS.forEach((incident, i) => {
      const day = this.incidentDays[i];
      dayFactor.set(day + 1, Math.max(dayFactor.get(day + 1) ?? 1, incident.dayAfter));
      dayFactor.set(day, incident.factor);
    });

    const count = Math.ceil((this.window - MIN_AGE) / BIN);
    this.edges = new Float64Array(count + 1);
    this.cumulative = new Float64Array(count + 1);
    const offsetOf = zoneOffsets(timeZone);
    for (let k = 0; k <= count; k++) this.edges[k] = Math.min(this.window, MIN_AGE + k * BIN);
    for (let k = 0; k < count; k++) {
      const [young, old] = [this.edges[k], this.edges[k + 1]];
      const at = this.now - (young + old) / 2;
      const local = localTime(at, timeZone, offsetOf(at));
      const weight =
        (this.recencyShare(old) - this.recencyShare(young)) *
        WEEKDAY_WEIGHTS[local.weekday] *
        HOUR_WEIGHTS[local.hour] *
        (dayFactor.get(local.day) ?? 1);
      this.cumulative[k + 1] = this.cumulative[k] + weight;
    }
  }

  /** Draws the same values `recentTime()` draws and answers the history's time for them. */
  time(rng: Random): number {
    return this.warp(recentTime(rng, this.now, this.days));
  }

  /** Where `recentTime()`'s answer `recent` falls in the history: never decreasing in `recent`. */
  warp(recent: number): number {
    const share = this.shareYoungerThan(this.now - recent);
    const target = share * this.cumulative[this.cumulative.length - 1];
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] <= target) lo = mid;
      else hi = mid;
    }
    const within = (target - this.cumulative[lo]) / (this.cumulative[hi] - this.cumulative[lo]);
    const age = this.edges[lo] + within * (this.edges[hi] - this.edges[lo]);
    return Math.round(this.now - age);
  }

  /** Share of `recentTime()`'s answers younger than `age`, before its jitter. */
  private recencyShare(age: number): number {
    return Math.min(1, Math.max(0, age / this.window)) ** (1 / SKEW_POWER);
  }

  /** ∫₀^age recencyShare. */
  private recencyIntegral(age: number): number {
    if (age <= 0) return 0;
    const p = 1 / SKEW_POWER + 1;
    if (age <= this.window) return (this.window / p) * (age / this.window) ** p;
    return this.window / p + (age - this.window);
  }

  /** Share of `recentTime()`'s answers younger than `age`, its uniform jitter included. */
  private shareYoungerThan(age: number): number {
    const share =
      (this.recencyIntegral(age - JITTER.min) - this.recencyIntegral(age - JITTER.max)) / (JITTER.max - JITTER.min);
    return Math.min(1, Math.max(0, share));
  }
}
