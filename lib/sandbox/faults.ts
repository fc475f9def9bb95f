import { badRequest } from "./errors";

/** The sandbox's fault knobs: latency, random 5xx, rate limits and one-off failures. */
export interface FaultSettings {
  latency_ms: number;
  jitter_ms: number;
  /** Share of API requests answered with a 5xx, 0 to 1. */
  error_rate: number;
  /**
   * When a random 5xx strikes a mutation: "before" refuses it untouched; "after" applies
   * it and then fails, as a gateway timeout after commit would; "mixed" does either.
   */
  error_timing: "before" | "after" | "mixed";
  rate_limit_per_window: number;
  window_seconds: number;
}

export interface FailNext {
  method: string;
  path: string;
  status: number;
}

export const DEFAULT_FAULTS: FaultSettings = {
  latency_ms: 0,
  jitter_ms: 0,
  error_rate: 0,
  error_timing: "before",
  rate_limit_per_window: 1666,
  window_seconds: 10,
};

const LIMITS: Record<keyof Omit<FaultSettings, "error_timing">, [number, number]> = {
  latency_ms: [0, 120_000],
  jitter_ms: [0, 60_000],
  error_rate: [0, 1],
  rate_limit_per_window: [1, 1_000_000],
  window_seconds: [1, 3600],
};

export class Faults {
  settings: FaultSettings = { ...DEFAULT_FAULTS };
  failNext: FailNext[] = [];

  /** Applies a partial update from POST /sandbox/faults, refusing bad values without changing anything. */
  update(input: unknown): void {
    if (typeof input !== "object" || input === null || Array.isArray(input))
      throw badRequest("Expected a JSON object of fault settings");
    const body = input as Record<string, unknown>;
    const next = { ...this.settings };
    const queued: FailNext[] = [];
    for (const [key, value] of Object.entries(body)) {
      if (key === "fail_next") {
        if (!Array.isArray(value))
          throw badRequest("fail_next must be an array of {method, path, status}", "parameter_invalid", "fail_next");
        for (const item of value) queued.push(parseFailNext(item));
      } else if (key === "error_timing") {
        if (value !== "before" && value !== "after" && value !== "mixed")
          throw badRequest("error_timing must be before, after or mixed", "parameter_invalid", key);
        next.error_timing = value;
      } else if (key in LIMITS) {
        const [min, max] = LIMITS[key as keyof typeof LIMITS];
        const integer = key !== "error_rate";
        if (
          typeof value !== "number" ||
          !Number.isFinite(value) ||
          value < min ||
          value > max ||
          (integer && !Number.isInteger(value))
        ) {
          throw badRequest(
            `${key} must be ${integer ? "an integer" : "a number"} from ${min} to ${max}`,
            "parameter_invalid",
            key,
          );
        }
        (next as Record<string, number | string>)[key] = value;
      } else {
        throw badRequest(`Unknown fault setting: ${key}`, "parameter_invalid", key);
      }
    }
    this.settings = next;
    this.failNext.push(...queued);
  }

  reset(): void {
    this.settings = { ...DEFAULT_FAULTS };
    this.failNext = [];
  }

  /** Takes the first queued failure matching this request, if any. */
  takeFailure(method: string, path: string): FailNext | undefined {
    const i = this.failNext.findIndex((f) => (f.method === "*" || f.method === method) && pathMatches(f.path, path));
    return i === -1 ? undefined : this.failNext.splice(i, 1)[0];
  }

  delayMs(): number {
    const { latency_ms, jitter_ms } = this.settings;
    return latency_ms + (jitter_ms > 0 ? Math.floor(Math.random() * jitter_ms) : 0);
  }

  /** Whether a random 5xx strikes, and if so when. */
  randomError(): "before" | "after" | null {
    if (this.settings.error_rate <= 0 || Math.random() >= this.settings.error_rate) return null;
    const timing = this.settings.error_timing;
    return timing === "mixed" ? (Math.random() < 0.5 ? "before" : "after") : timing;
  }
}

function parseFailNext(item: unknown): FailNext {
  if (typeof item !== "object" || item === null)
    throw badRequest("Each fail_next entry must be {method, path, status}", "parameter_invalid", "fail_next");
  const { method, path, status, ...rest } = item as Record<string, unknown>;
  if (Object.keys(rest).length > 0)
    throw badRequest(`Unknown fail_next field: ${Object.keys(rest).join(", ")}`, "parameter_invalid", "fail_next");
  if (typeof method !== "string" || !/^(\*|GET|POST|PUT|DELETE|PATCH)$/.test(method.toUpperCase()))
    throw badRequest("fail_next method must be GET, POST, PUT, DELETE or *", "parameter_invalid", "fail_next");
  if (typeof path !== "string" || !path.startsWith("/"))
    throw badRequest("fail_next path must start with /", "parameter_invalid", "fail_next");
  if (typeof status !== "number" || !Number.isInteger(status) || status < 400 || status > 599)
    throw badRequest("fail_next status must be 400 to 599", "parameter_invalid", "fail_next");
  return { method: method.toUpperCase(), path, status };
}

/** Exact paths, or a trailing `*` for a prefix: "/tickets/*". */
function pathMatches(pattern: string, path: string): boolean {
  return pattern.endsWith("*") ? path.startsWith(pattern.slice(0, -1)) : pattern === path;
}

/** Fixed windows per token and workspace, as Intercom's 10-second windows. */
export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>();

  /** Counts one request; returns the headers to send and whether it is over the limit. */
  hit(
    key: string,
    limit: number,
    windowSeconds: number,
    nowMs = Date.now(),
  ): { limited: boolean; headers: Record<string, string> } {
    const span = windowSeconds * 1000;
    const start = Math.floor(nowMs / span) * span;
    let w = this.windows.get(key);
    if (!w || w.start !== start) {
      w = { start, count: 0 };
      this.windows.set(key, w);
    }
    const limited = w.count >= limit;
    if (!limited) w.count += 1;
    return {
      limited,
      headers: {
        "X-RateLimit-Limit": String(limit),
        "X-RateLimit-Remaining": String(Math.max(0, limit - w.count)),
        "X-RateLimit-Reset": String(Math.ceil((start + span) / 1000)),
      },
    };
  }

  reset(): void {
    this.windows.clear();
  }
}
