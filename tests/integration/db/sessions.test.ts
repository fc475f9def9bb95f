import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertUser } from "@/lib/auth/connections";
import {
  createSession,
  describeDevice,
  endOtherSessions,
  endSession,
  listSessions,
  sweepSessions,
  TOUCH_EVERY_MS,
  liveSession,
} from "@/lib/auth/sessions";
import { testDb } from "../../support/db";

const limits = { maxAgeS: 12 * 3600, idleS: 30 * 60 };
const T0 = new Date("2026-11-29T09:00:00Z");
const at = (ms: number) => new Date(T0.getTime() + ms);
const MIN = 60_000;

let handle: Awaited<ReturnType<typeof testDb>>;
let ana: string;
let ben: string;

beforeAll(async () => {
  handle = await testDb();
  ana = await upsertUser(handle.db, "ana@example.com", "Ana");
  ben = await upsertUser(handle.db, "ben@example.com", "Ben");
});
afterAll(() => handle.close());

const device = (userId: string) => ({
  userId,
  userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Chrome/156.0",
  ip: "203.0.113.7",
});

describe(`server-side sessions (${process.env.DATABASE_URL ? "postgres" : "pglite"})`, () => {
  it("a new session is live for its own user only", async () => {
    const id = await createSession(handle.db, device(ana), limits, T0);
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await liveSession(handle.db, id, ana, limits, at(MIN))).toMatchObject({
      id,
      userId: ana,
      ip: "203.0.113.7",
    });
    expect(await liveSession(handle.db, id, ben, limits, at(MIN))).toBeNull();
    expect(await liveSession(handle.db, "no-such-session", ana, limits, at(MIN))).toBeNull();
  });

  it("ends after the idle timeout, and activity keeps it alive", async () => {
    const id = await createSession(handle.db, device(ana), limits, T0);
    // Active every 20 minutes for two hours: still live.
    for (let m = 20; m <= 120; m += 20)
      expect(await liveSession(handle.db, id, ana, limits, at(m * MIN))).not.toBeNull();
    // 30 minutes without a request: gone, and gone for good.
    expect(await liveSession(handle.db, id, ana, limits, at(150 * MIN))).toBeNull();
    expect(await liveSession(handle.db, id, ana, limits, at(121 * MIN))).toBeNull();
  });

  it("records activity at most once a minute", async () => {
    const id = await createSession(handle.db, device(ana), limits, T0);
    const first = await liveSession(handle.db, id, ana, limits, at(TOUCH_EVERY_MS / 2));
    expect(first?.lastSeenAt.getTime()).toBe(T0.getTime());
    const second = await liveSession(handle.db, id, ana, limits, at(TOUCH_EVERY_MS));
    expect(second?.lastSeenAt.getTime()).toBe(at(TOUCH_EVERY_MS).getTime());
  });

  it("ends at its absolute lifetime, however active", async () => {
    const id = await createSession(handle.db, device(ana), limits, T0);
    for (let m = 25; m < 12 * 60; m += 25)
      expect(await liveSession(handle.db, id, ana, limits, at(m * MIN))).not.toBeNull();
    expect(await liveSession(handle.db, id, ana, limits, at(12 * 60 * MIN))).toBeNull();
  });

  it("a lead ends one session, or all the others, and never another lead's", async () => {
    const keep = await createSession(handle.db, device(ben), limits, T0);
    const other1 = await createSession(handle.db, device(ben), limits, T0);
    const other2 = await createSession(handle.db, device(ben), limits, T0);
    const anas = await createSession(handle.db, device(ana), limits, T0);
    expect(await endSession(handle.db, ana, other1)).toBe(false);
    expect(await liveSession(handle.db, other1, ben, limits, at(MIN))).not.toBeNull();
    expect(await endSession(handle.db, ben, other1)).toBe(true);
    expect(await liveSession(handle.db, other1, ben, limits, at(MIN))).toBeNull();
    expect(await endOtherSessions(handle.db, ben, keep)).toBe(1);
    expect(await liveSession(handle.db, other2, ben, limits, at(MIN))).toBeNull();
    expect(await liveSession(handle.db, keep, ben, limits, at(MIN))).not.toBeNull();
    expect(await liveSession(handle.db, anas, ana, limits, at(MIN))).not.toBeNull();
    expect((await listSessions(handle.db, ben, limits, at(MIN))).map((s) => s.id)).toEqual([keep]);
  });

  it("sweeps sessions past either limit", async () => {
    const stale = await createSession(handle.db, device(ana), limits, at(-2 * 3600_000));
    const fresh = await createSession(handle.db, device(ana), limits, T0);
    expect(await sweepSessions(handle.db, limits, at(MIN))).toBeGreaterThanOrEqual(1);
    expect(await liveSession(handle.db, stale, ana, limits, at(MIN))).toBeNull();
    expect(await liveSession(handle.db, fresh, ana, limits, at(MIN))).not.toBeNull();
  });
});

describe("describeDevice", () => {
  it.each([
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/537.36 Chrome/156.0 Safari/537.36", "Chrome on macOS"],
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0 Safari/537.36",
      "Headless Chrome on Linux",
    ],
    ["Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:131.0) Gecko/20100101 Firefox/131.0", "Firefox on Windows"],
    [
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 Mobile Safari/604.1",
      "Safari on iOS",
    ],
    ["curl/8.5.0", "curl"],
    [null, "Unknown device"],
  ])("%s → %s", (ua, expected) => expect(describeDevice(ua)).toBe(expected));
});
