import { errorSchema } from "./schemas";

export interface RateLimitState {
  limit: number | null;
  remaining: number | null;
  /** Unix seconds when the window resets. */
  resetAt: number | null;
}

export function readRateLimit(headers: Headers): RateLimitState {
  const num = (name: string) => {
    const v = headers.get(name);
    return v === null || v === "" || Number.isNaN(Number(v)) ? null : Number(v);
  };
  return {
    limit: num("x-ratelimit-limit"),
    remaining: num("x-ratelimit-remaining"),
    resetAt: num("x-ratelimit-reset"),
  };
}

/** An error answered by Intercom (or the network on the way), with Intercom's code when there is one. */
export class IntercomError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null = null,
    readonly rateLimit: RateLimitState | null = null,
  ) {
    super(message);
    this.name = "IntercomError";
  }

  /** 429, 5xx and network failures may succeed if tried again; other 4xx will not. */
  get retryable(): boolean {
    return this.status === 429 || this.status >= 500 || this.status === 0;
  }
}

/** Reads Intercom's `error.list` body, falling back to the status when there is none. */
export function errorFromBody(status: number, body: unknown, headers: Headers): IntercomError {
  const parsed = errorSchema.safeParse(body);
  const first = parsed.success ? parsed.data.errors[0] : undefined;
  const requestId = (parsed.success ? parsed.data.request_id : null) ?? headers.get("x-request-id");
  return new IntercomError(
    status,
    first?.code ?? `http_${status}`,
    first?.message ?? `Intercom answered ${status}`,
    requestId,
    readRateLimit(headers),
  );
}
