import { describe, expect, it } from "vitest";
import { HttpError } from "@/lib/http/errors";
import { jsonDepth, MAX_JSON_DEPTH, readJsonBody } from "@/lib/http/body";

const post = (body: string) =>
  new Request("http://localhost/api/x", { method: "POST", headers: { "content-type": "application/json" }, body });
const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

async function refusal(body: string): Promise<HttpError> {
  const error = await readJsonBody(post(body)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HttpError);
  return error as HttpError;
}

describe("jsonDepth", () => {
  it("counts objects and arrays, not scalars", () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth(null)).toBe(0);
    expect(jsonDepth({})).toBe(1);
    expect(jsonDepth({ a: [1, { b: "x" }] })).toBe(3);
    expect(jsonDepth([[], [[[]]], {}])).toBe(4);
  });

  it("measures a million levels without overflowing the stack", () => {
    let deep: unknown[] = [];
    for (let i = 1; i < 1_000_000; i++) deep = [deep];
    expect(jsonDepth(deep)).toBe(1_000_000);
    expect(jsonDepth(deep, 10)).toBe(11);
  });
});

describe("readJsonBody", () => {
  it(`accepts ${MAX_JSON_DEPTH} levels of nesting`, async () => {
    expect(jsonDepth(await readJsonBody(post(nested(MAX_JSON_DEPTH))))).toBe(MAX_JSON_DEPTH);
    expect(
      await readJsonBody(post('{"query":{"operator":"AND","value":[{"field":"open","operator":"=","value":true}]}}')),
    ).toEqual({
      query: { operator: "AND", value: [{ field: "open", operator: "=", value: true }] },
    });
  });

  it("refuses one level more with a 400 too_deep", async () => {
    const e = await refusal(nested(MAX_JSON_DEPTH + 1));
    expect([e.status, e.code]).toEqual([400, "too_deep"]);
  });

  it("refuses nesting deep enough to trouble the parser the same way", async () => {
    const e = await refusal(`{"a":${'{"b":'.repeat(150_000)}1${"}".repeat(150_000)}}`);
    expect([e.status, e.code]).toEqual([400, "too_deep"]);
    const arrays = await refusal(nested(400_000));
    expect([arrays.status, arrays.code]).toEqual([400, "too_deep"]);
  });

  it("still tells malformed JSON from deep JSON", async () => {
    const e = await refusal(`${nested(10)}]`);
    expect([e.status, e.code]).toEqual([400, "invalid_json"]);
  });
});
