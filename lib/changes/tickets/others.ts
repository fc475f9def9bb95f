/** Deleting a ticket, and replying to it (neither can be undone). */
import { textToHtml } from "@/lib/records/text";
import { cannot, change } from "../types";
import type { Definitions } from "./definition";

export const others: Pick<Definitions, "delete" | "reply"> = {
  delete: {
    check: () => null,
    plan: (a, t, ctx) => {
      // On one ticket the lead types its number; a job is confirmed by its count instead.
      if (ctx.single && a.confirm?.trim().replace(/^#/, "") !== t.number) {
        const message = `Type the ticket number, ${t.number}, to delete it`;
        return cannot(message, { confirm: message });
      }
      return change([{ kind: "delete" }]);
    },
    touched: () => null,
    fields: ["stateId", "open"],
    changedSince: () => "Deleted",
    describe: () => "Delete",
    attempt: () => "delete it",
  },
  reply: {
    check: () => null,
    plan: (a) => change([{ kind: "reply", messageType: a.kind, html: textToHtml(a.body) }]),
    touched: () => null,
    fields: [],
    changedSince: () => "Replied",
    describe: (a) => (a.kind === "note" ? "Add a note" : "Reply"),
    attempt: (a) => (a.kind === "note" ? "add the note" : "send the reply"),
  },
};
