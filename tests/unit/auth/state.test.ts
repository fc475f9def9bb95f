import { describe, expect, it } from "vitest";
import { statesMatch } from "@/lib/auth/state";

describe("statesMatch", () => {
  it("matches only the same non-empty value", () => {
    expect(statesMatch("a1b2c3", "a1b2c3")).toBe(true);
    expect(statesMatch("a1b2c3", "a1b2c4")).toBe(false);
    expect(statesMatch("a1b2c3", "a1b2c3 ")).toBe(false);
    expect(statesMatch("a1b2c3", "A1B2C3")).toBe(false);
  });

  it("never matches a missing value on either side", () => {
    for (const [expected, received] of [
      [undefined, "x"],
      ["x", undefined],
      [null, null],
      ["", ""],
      ["x", ["x"]],
      [{ value: "x" }, "x"],
    ] as const)
      expect(statesMatch(expected, received)).toBe(false);
  });
});
