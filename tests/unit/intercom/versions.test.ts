import { describe, expect, it } from "vitest";
import {
  DEFAULT_INTERCOM_VERSION,
  featuresOf,
  INTERCOM_VERSIONS,
  parseIntercomVersion,
  versionFeatures,
  whyUnavailable,
} from "@/lib/intercom/versions";

describe("what each Intercom version offers", () => {
  it("defaults to 2.16 and accepts exactly the four versions", () => {
    expect(DEFAULT_INTERCOM_VERSION).toBe("2.16");
    expect(INTERCOM_VERSIONS).toEqual(["2.14", "2.15", "2.16", "Preview"]);
    expect(parseIntercomVersion(undefined)).toBe("2.16");
    expect(parseIntercomVersion("  ")).toBe("2.16");
    expect(parseIntercomVersion(" 2.15 ")).toBe("2.15");
    expect(parseIntercomVersion("Preview")).toBe("Preview");
    for (const bad of ["2.13", "2.17", "preview", "Unstable", "2.16.0"])
      expect(() => parseIntercomVersion(bad)).toThrow(
        `INTERCOM_VERSION must be one of 2.14, 2.15, 2.16 or Preview; it is "${bad}"`,
      );
  });

  it("gives each version its features", () => {
    expect(featuresOf("2.14")).toEqual({ changeType: false, conversationAttributes: true, priorityLevels: false });
    expect(featuresOf("2.15")).toEqual({ changeType: false, conversationAttributes: true, priorityLevels: false });
    expect(featuresOf("2.16")).toEqual({ changeType: true, conversationAttributes: false, priorityLevels: true });
    expect(featuresOf("Preview")).toEqual({ changeType: true, conversationAttributes: false, priorityLevels: true });
  });

  it("says why a feature is off, naming the version in use", () => {
    expect(whyUnavailable("changeType", "2.15")).toBe(
      "Changing a ticket's type needs Intercom API 2.16 or later; this workspace uses 2.15",
    );
    expect(whyUnavailable("changeType", "2.16")).toBeNull();
    expect(whyUnavailable("conversationAttributes", "2.16")).toBe(
      "Conversation attributes can't be listed with Intercom API 2.16",
    );
    expect(whyUnavailable("conversationAttributes", "2.14")).toBeNull();
    expect(whyUnavailable("priorityLevels", "2.14")).toBe(
      "Priority levels need Intercom API 2.16 or later; this workspace uses 2.14, which marks a conversation as priority or not",
    );
    expect(whyUnavailable("priorityLevels", "Preview")).toBeNull();
  });

  it("lists every feature with its state for the settings page", () => {
    const list = versionFeatures("2.15");
    expect(list.map((f) => f.key)).toEqual(["changeType", "priorityLevels", "conversationAttributes"]);
    expect(list.map((f) => f.on)).toEqual([false, false, true]);
    expect(list[0].reason).toBe(whyUnavailable("changeType", "2.15"));
    expect(list[2].reason).toBeNull();
  });
});
