/** When Intercom cannot be reached or does not answer, calls end with a clear error instead of hanging. */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IntercomClient } from "@/lib/intercom/client";
import { IntercomError } from "@/lib/intercom/errors";
import { meSchema } from "@/lib/intercom/schemas";
import { toErrorResponse } from "@/lib/http/route";

let silent: Server;
let silentUrl: string;
beforeAll(async () => {
  // Accepts connections and never answers.
  silent = createServer(() => {});
  await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
  silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterAll(() => {
  silent.closeAllConnections();
  silent.close();
});

async function failure(baseUrl: string, timeoutMs: number): Promise<IntercomError> {
  const client = new IntercomClient({ baseUrl, token: "t", version: "2.14", timeoutMs, actingAdminId: null });
  const e = await client.request("GET", "/me", meSchema).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(IntercomError);
  return e as IntercomError;
}

describe("an upstream that is down or silent", () => {
  it("a refused connection is a 502 saying Intercom could not be reached", async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((r) => closed.close(() => r()));
    const e = await failure(url, 5_000);
    expect([e.status, e.code]).toEqual([502, "upstream_unreachable"]);
    expect(e.retryable).toBe(true);
    const res = toErrorResponse(e);
    expect(res.status).toBe(502);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/Could not reach Intercom/);
  });

  it("an answer that never comes ends at the timeout as a 504", async () => {
    const e = await failure(silentUrl, 300);
    expect([e.status, e.code]).toEqual([504, "upstream_timeout"]);
    expect(e.message).toMatch(/did not answer within/);
  });
});
