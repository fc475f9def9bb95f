import { describe, expect, it } from "vitest";
import { filterNode, groupNode, stripIds } from "@/lib/search/model";
import { withPinned, withoutPinned } from "@/lib/search/pin";

const segment = filterNode("segment_id", "=", "seg-1");
const role = filterNode("role", "=", "user");
const email = filterNode("email", "~", "@acme");

describe("pinned filters", () => {
  it("an empty tree searches the pinned filter alone", () => {
    expect(stripIds(withPinned(segment, groupNode("AND", [])))).toEqual({
      operator: "AND",
      children: [stripIds(segment)],
    });
  });

  it("folds into an AND root, and wraps an OR root", () => {
    expect(stripIds(withPinned(segment, groupNode("AND", [role, email])))).toEqual({
      operator: "AND",
      children: [stripIds(segment), stripIds(role), stripIds(email)],
    });
    const or = groupNode("OR", [role, email]);
    expect(stripIds(withPinned(segment, or))).toEqual({ operator: "AND", children: [stripIds(segment), stripIds(or)] });
  });

  it("takes the pinned filter back out, whichever way it went in", () => {
    for (const tree of [groupNode("AND", []), groupNode("AND", [role, email]), groupNode("OR", [role, email])]) {
      expect(stripIds(withoutPinned(segment, withPinned(segment, tree)))).toEqual(stripIds(tree));
    }
  });

  it("leaves a tree without it as it is", () => {
    const tree = groupNode("AND", [role]);
    expect(withoutPinned(segment, tree)).toEqual(tree);
  });
});
