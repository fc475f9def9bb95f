/** Sharing a ticket with the customer, and its tags. */
import { namer, tagError } from "../checks";
import { change, satisfied } from "../types";
import type { Definitions } from "./definition";

export const sharingAndTags: Pick<Definitions, "set_shared" | "add_tag" | "remove_tag"> = {
  set_shared: {
    check: () => null,
    plan: (a, t) =>
      t.isShared === a.shared
        ? satisfied(a.shared ? "Already shared" : "Already not shared")
        : change([{ kind: "update", body: { is_shared: a.shared } }]),
    touched: (_a, t) => t.isShared,
    fields: ["isShared"],
    changedSince: () => "Sharing changed since the job ran",
    restore: (_a, before) => change([{ kind: "update", body: { is_shared: before.isShared } }]),
    describe: (a) => (a.shared ? "Share with the customer" : "Stop sharing with the customer"),
    attempt: (a) => (a.shared ? "share it with the customer" : "stop sharing it with the customer"),
    optimistic: (d, a) => ({ ...d, isShared: a.shared }),
    rolledBack: (d) => (d.isShared ? "It is still shared." : "It is still not shared."),
  },
  add_tag: {
    check: (a, names) => tagError(names, a.tag_id),
    plan: (a, t) =>
      t.tagIds.includes(a.tag_id) ? satisfied("Already has the tag") : change([{ kind: "add_tag", tagId: a.tag_id }]),
    touched: (a, t) => t.tagIds.includes(a.tag_id),
    fields: ["tagIds"],
    changedSince: () => "The tag changed since the job ran",
    restore: (a) => change([{ kind: "remove_tag", tagId: a.tag_id }]),
    describe: (a, names) => `Add the tag “${namer(names).tag(a.tag_id)}”`,
    attempt: (a, names) => `add the tag “${namer(names).tag(a.tag_id)}”`,
    optimistic: (d, a, names) => {
      const tag = names.tags.find((t) => t.id === a.tag_id);
      return tag && !(d.tags ?? []).some((t) => t.id === tag.id)
        ? { ...d, tags: [...(d.tags ?? []), { id: tag.id, name: tag.name }] }
        : d;
    },
    rolledBack: () => "The tag is off again.",
  },
  remove_tag: {
    check: (a, names) => tagError(names, a.tag_id),
    plan: (a, t) =>
      t.tagIds.includes(a.tag_id)
        ? change([{ kind: "remove_tag", tagId: a.tag_id }])
        : satisfied("Does not have the tag"),
    touched: (a, t) => t.tagIds.includes(a.tag_id),
    fields: ["tagIds"],
    changedSince: () => "The tag changed since the job ran",
    restore: (a) => change([{ kind: "add_tag", tagId: a.tag_id }]),
    describe: (a, names) => `Remove the tag “${namer(names).tag(a.tag_id)}”`,
    attempt: (a, names) => `remove the tag “${namer(names).tag(a.tag_id)}”`,
    optimistic: (d, a) => ({ ...d, tags: (d.tags ?? []).filter((x) => x.id !== a.tag_id) }),
    rolledBack: () => "The tag is back.",
  },
};
