/** The transport under a caller's abort signal: requests made one after another leave no listener on it. */
import { getEventListeners } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeTransport, TransportError } from "@/lib/intercom/transport";

let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/slow") return void setTimeout(() => res.end("late"), 5_000);
    res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe("nodeTransport and an abort signal", () => {
  it("removes its listener from the signal when each request ends", async () => {
    const controller = new AbortController();
    for (let i = 0; i < 15; i++) {
      const res = await nodeTransport({
        url: `${url}/`,
        method: "GET",
        headers: {},
        timeoutMs: 5_000,
        signal: controller.signal,
      });
      expect(res.status).toBe(200);
    }
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("stops a request in flight when the signal aborts, and says it was cancelled", async () => {
    const controller = new AbortController();
    const pending = nodeTransport({
      url: `${url}/slow`,
      method: "GET",
      headers: {},
      timeoutMs: 10_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const e = await pending.catch((err: unknown) => err);
    expect(e).toBeInstanceOf(TransportError);
    expect((e as TransportError).kind).toBe("aborted");
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
