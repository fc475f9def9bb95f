import "server-only";
import type { z } from "zod";
import { actAs } from "./acting";
import { errorFromBody, IntercomError, readRateLimit, type RateLimitState } from "./errors";
import type { IntercomVersion } from "./versions";
import { nodeTransport, TransportError, type Transport } from "./transport";

export interface ClientOptions {
  baseUrl: string;
  token: string;
  version: IntercomVersion;
  timeoutMs: number;
  /**
   * The admin every write is made as (the connection's own), checked and filled in on each
   * write by `actAs`; null for a client that only reads.
   */
  actingAdminId: string | null;
  transport?: Transport;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  /** The body as received. */
  bytes: Uint8Array<ArrayBuffer>;
  text(): string;
}

/**
 * A server-only Intercom client: the token never leaves the server. Each call has a
 * timeout; errors carry Intercom's code; the last rate-limit headers are kept so callers
 * can pace themselves.
 */
export class IntercomClient {
  rateLimit: RateLimitState = { limit: null, remaining: null, resetAt: null };

  constructor(private readonly options: ClientOptions) {}

  /** The Intercom-Version every call of this client is sent with. */
  get version(): IntercomVersion {
    return this.options.version;
  }

  /**
   * One call, answered as raw bytes. A write is checked first: one that would act as anyone
   * but the connection's admin is refused here, before anything is sent.
   */
  async raw(method: string, path: string, init: { body?: unknown; signal?: AbortSignal } = {}): Promise<RawResponse> {
    const { baseUrl, token, timeoutMs } = this.options;
    const transport = this.options.transport ?? nodeTransport;
    const sent = actAs(this.options.actingAdminId, method, path, init.body);
    const body = sent === undefined ? undefined : JSON.stringify(sent);
    try {
      const res = await transport({
        url: baseUrl + path,
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: "application/json",
          "Intercom-Version": this.options.version,
          ...(body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body,
        timeoutMs,
        signal: init.signal,
      });
      const rate = readRateLimit(res.headers);
      if (rate.limit !== null) this.rateLimit = rate;
      return { ...res, text: () => new TextDecoder().decode(res.bytes) };
    } catch (e) {
      if (e instanceof TransportError) {
        if (e.kind === "timeout")
          throw new IntercomError(
            504,
            "upstream_timeout",
            `Intercom did not answer within ${Math.round(timeoutMs / 1000)} s`,
          );
        if (e.kind === "aborted") throw new IntercomError(499, "cancelled", "The request was cancelled");
        throw new IntercomError(502, "upstream_unreachable", `Could not reach Intercom: ${e.message}`);
      }
      throw e;
    }
  }

  /** One call, parsed with a schema; a non-2xx answer throws IntercomError. */
  async request<S extends z.ZodType>(
    method: string,
    path: string,
    schema: S,
    init: { body?: unknown; signal?: AbortSignal } = {},
  ): Promise<z.output<S>> {
    const res = await this.raw(method, path, init);
    let json: unknown;
    try {
      const text = res.text();
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (res.status < 200 || res.status >= 300) throw errorFromBody(res.status, json, res.headers);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new IntercomError(
        502,
        "unexpected_response",
        `Intercom's answer to ${method} ${path.split("?")[0]} did not have the expected shape`,
        res.headers.get("x-request-id"),
      );
    }
    return parsed.data;
  }
}
