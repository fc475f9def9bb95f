import "server-only";
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";

export interface TransportRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface TransportResponse {
  status: number;
  headers: Headers;
  bytes: Uint8Array<ArrayBuffer>;
}

export type Transport = (req: TransportRequest) => Promise<TransportResponse>;

export class TransportError extends Error {
  constructor(
    readonly kind: "timeout" | "aborted" | "network",
    message: string,
  ) {
    super(message);
  }
}

// Kept-alive connections to Intercom (or the sandbox): most calls reuse one.
const agents = {
  http: new HttpAgent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 10_000 }),
  https: new HttpsAgent({ keepAlive: true, maxSockets: 64, keepAliveMsecs: 10_000 }),
};

/**
 * One HTTP call on node:http, reading the answer as bytes. Lighter than fetch for a server
 * making many calls on kept-alive connections, and every call has a timeout.
 */
export const nodeTransport: Transport = (req) =>
  new Promise((resolve, reject) => {
    const url = new URL(req.url);
    const secure = url.protocol === "https:";
    const body = req.body === undefined ? undefined : Buffer.from(req.body, "utf8");
    const headers: Record<string, string | number> = { ...req.headers, "Accept-Encoding": "identity" };
    if (body) headers["Content-Length"] = body.byteLength;
    let settled = false;
    const fail = (e: TransportError) => {
      if (settled) return;
      settled = true;
      reject(e);
    };
    const outgoing = (secure ? httpsRequest : httpRequest)(
      url,
      { method: req.method, headers, agent: secure ? agents.https : agents.http, signal: req.signal },
      (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", (e) => fail(new TransportError("network", e.message)));
        res.on("end", () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          const merged = Buffer.concat(chunks);
          const bytes = new Uint8Array(merged.buffer.slice(merged.byteOffset, merged.byteOffset + merged.byteLength));
          const out = new Headers();
          for (const [name, value] of Object.entries(res.headers)) {
            if (Array.isArray(value)) for (const v of value) out.append(name, v);
            else if (value !== undefined) out.set(name, value);
          }
          resolve({ status: res.statusCode ?? 0, headers: out, bytes });
        });
      },
    );
    const timer = setTimeout(() => {
      fail(new TransportError("timeout", `no answer within ${Math.round(req.timeoutMs / 1000)} s`));
      outgoing.destroy();
    }, req.timeoutMs);
    outgoing.on("error", (e) => {
      clearTimeout(timer);
      fail(req.signal?.aborted ? new TransportError("aborted", "cancelled") : new TransportError("network", e.message));
    });
    if (body) outgoing.end(body);
    else outgoing.end();
  });
