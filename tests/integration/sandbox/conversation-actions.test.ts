import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { conversationSchema, tagSchema, ticketSchema } from "@/lib/intercom/schemas";
import type { RunningSandbox } from "@/lib/sandbox";
import type { ConversationRec, TicketTypeRec } from "@/lib/sandbox/store/types";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { bootSandbox, client, control, expectError, expectOk, type Api } from "../../support/sandbox";

let sb: RunningSandbox;
let api: Api;
const ws = (): Workspace => sb.sandbox.workspace(sb.workspaces[0].id_code)!;
const admin = () => ws().info.owner_admin_id;
const find = (pred: (c: ConversationRec) => boolean): ConversationRec => ws().orderedConversations().find(pred)!;
const type = (name: string): TicketTypeRec => [...ws().ticketTypes.values()].find((t) => t.name === name)!;
beforeAll(async () => {
  sb = await bootSandbox();
  api = client(sb.url, sb.workspaces[0].access_token);
});
beforeEach(async () => {
  expect((await control(sb.url)("POST", "/sandbox/reset")).status).toBe(200);
});
afterAll(() => sb.stop());

const getConv = async (id: string) => expectOk(await api("GET", `/conversations/${id}`), conversationSchema);

/** GET before and after a refused request: the conversation must not have changed. */
async function refusedUnchanged(id: string, call: () => Promise<unknown>) {
  const before = (await api("GET", `/conversations/${id}`)).body;
  await call();
  expect((await api("GET", `/conversations/${id}`)).body).toEqual(before);
}

describe("conversation tags", () => {
  it("attaches and detaches a tag, bumping updated_at", async () => {
    const rec = find((c) => c.tags.length === 0);
    const tag = [...ws().tags.values()].at(-1)!;
    const seededAt = rec.updated_at;
    const applied = expectOk(
      await api("POST", `/conversations/${rec.id}/tags`, { id: Number(tag.id), admin_id: Number(admin()) }),
      tagSchema,
    );
    expect(applied).toMatchObject({ id: tag.id, name: tag.name, applied_by: { type: "admin", id: admin() } });
    const tagged = await getConv(rec.id);
    expect(tagged.tags.map((t) => t.id)).toEqual([tag.id]);
    expect(tagged.updated_at).toBeGreaterThan(seededAt);
    expectOk(await api("DELETE", `/conversations/${rec.id}/tags/${tag.id}`, { admin_id: admin() }), tagSchema);
    expect((await getConv(rec.id)).tags).toEqual([]);
  });

  it("answers Intercom's errors for a missing conversation, tag or admin, changing nothing", async () => {
    const rec = find((c) => c.tags.length === 1);
    const tagId = rec.tags[0].id;
    expectError(
      await api("POST", "/conversations/1/tags", { id: tagId, admin_id: admin() }),
      404,
      "not_found",
      "Conversation not found",
    );
    expectError(
      await api("DELETE", `/conversations/1/tags/${tagId}`, { admin_id: admin() }),
      404,
      "not_found",
      "Conversation not found",
    );
    await refusedUnchanged(rec.id, async () => {
      expectError(
        await api("POST", `/conversations/${rec.id}/tags`, { id: "99", admin_id: admin() }),
        404,
        "tag_not_found",
        "Tag not found",
      );
      expectError(
        await api("DELETE", `/conversations/${rec.id}/tags/99`, { admin_id: admin() }),
        404,
        "tag_not_found",
        "Tag not found",
      );
      expectError(
        await api("POST", `/conversations/${rec.id}/tags`, { id: tagId, admin_id: "1" }),
        404,
        "admin_not_found",
      );
      expectError(
        await api("DELETE", `/conversations/${rec.id}/tags/${tagId}`, {}),
        400,
        "parameter_not_found",
        "admin_id is a required parameter",
      );
      expectError(
        await api("POST", `/conversations/${rec.id}/tags`, { admin_id: admin() }),
        400,
        "parameter_not_found",
        "id is a required parameter",
      );
    });
  });
});

describe("POST /conversations/redact", () => {
  it("redacts a part's body", async () => {
    const rec = find((c) => c.parts.some((p) => p.part_type === "comment" && p.body));
    const part = { ...rec.parts.find((p) => p.part_type === "comment" && p.body)! };
    const c = expectOk(
      await api("POST", "/conversations/redact", {
        type: "conversation_part",
        conversation_id: Number(rec.id),
        conversation_part_id: Number(part.id),
      }),
      conversationSchema,
    );
    const redacted = c.conversation_parts!.conversation_parts.find((p) => p.id === part.id)!;
    expect(redacted.redacted).toBe(true);
    expect(redacted.body).not.toContain(htmlText(part.body!));
    expect((await getConv(rec.id)).conversation_parts!.conversation_parts.find((p) => p.id === part.id)?.redacted).toBe(
      true,
    );
  });

  it("redacts a source message written by a contact", async () => {
    const rec = find((c) => c.source.author.type === "user");
    const seededBody = rec.source.body;
    const c = expectOk(
      await api("POST", "/conversations/redact", { type: "source", conversation_id: rec.id, source_id: rec.source.id }),
      conversationSchema,
    );
    expect(c.source.redacted).toBe(true);
    expect(c.source.body).not.toBe(seededBody);
  });

  it("refuses what cannot be redacted and answers not found otherwise, changing nothing", async () => {
    const byAdmin = find((c) => c.source.author.type === "admin" && c.parts.some((p) => p.body === null));
    const bodiless = byAdmin.parts.find((p) => p.body === null)!;
    await refusedUnchanged(byAdmin.id, async () => {
      expectError(
        await api("POST", "/conversations/redact", {
          type: "source",
          conversation_id: byAdmin.id,
          source_id: byAdmin.source.id,
        }),
        400,
        "conversation_part_not_redactable",
      );
      expectError(
        await api("POST", "/conversations/redact", {
          type: "conversation_part",
          conversation_id: byAdmin.id,
          conversation_part_id: bodiless.id,
        }),
        400,
        "conversation_part_not_redactable",
      );
      const missing = [
        {
          type: "conversation_part",
          conversation_id: "really_123_doesnt_exist",
          conversation_part_id: "really_123_doesnt_exist",
        },
        { type: "conversation_part", conversation_id: byAdmin.id, conversation_part_id: "1" },
        { type: "source", conversation_id: byAdmin.id, source_id: "1" },
      ];
      for (const body of missing)
        expectError(
          await api("POST", "/conversations/redact", body),
          404,
          "conversation_part_or_message_not_found",
          "Conversation part or message not found",
        );
      expectError(
        await api("POST", "/conversations/redact", { type: "message", conversation_id: byAdmin.id }),
        400,
        "parameter_invalid",
      );
      expectError(
        await api("POST", "/conversations/redact", { type: "source", conversation_id: byAdmin.id }),
        400,
        "parameter_not_found",
        "source_id is a required parameter",
      );
    });
  });
});

describe("POST /conversations/{id}/convert", () => {
  it("makes a Customer ticket linked both ways, with the conversation's contacts", async () => {
    const rec = find((c) => c.ticket_id === null && c.contact_ids.length > 0);
    const body = {
      ticket_type_id: type("Billing question").id,
      attributes: { "Invoice number": "INV-55555", _default_title_: "Double charge" },
    };
    const t = expectOk(await api("POST", `/conversations/${rec.id}/convert`, body), ticketSchema);
    expect(t).toMatchObject({ category: "Customer", open: true });
    expect(t.ticket_type.id).toBe(type("Billing question").id);
    expect(t.ticket_state.category).toBe("submitted");
    expect(t.ticket_attributes).toMatchObject({ "Invoice number": "INV-55555", _default_title_: "Double charge" });
    expect(t.contacts.map((c) => c.id)).toEqual(rec.contact_ids);
    expect(t.linked_objects?.data).toEqual([{ type: "conversation", id: rec.id, category: null }]);
    const conv = await getConv(rec.id);
    expect(conv.ticket?.id).toBe(t.id);
    expect(conv.linked_objects?.data.map((d) => d.id)).toContain(t.id);
    expect(expectOk(await api("GET", `/tickets/${t.id}`), ticketSchema).id).toBe(t.id);
    const search = await api<{ total_count: number }>("POST", "/tickets/search", {
      query: { field: "id", operator: "=", value: t.id },
    });
    expect(search.body.total_count).toBe(1);
  });

  it("refuses non-Customer, archived, unknown and incomplete types, and a second conversion", async () => {
    const rec = find((c) => c.ticket_id === null);
    const tickets = ws().tickets.size;
    await refusedUnchanged(rec.id, async () => {
      for (const name of ["Refund approval", "Engineering incident"]) {
        expectError(
          await api("POST", `/conversations/${rec.id}/convert`, { ticket_type_id: type(name).id }),
          400,
          "parameter_invalid",
          "Ticket type is not a customer ticket type",
        );
      }
      expectError(
        await api("POST", `/conversations/${rec.id}/convert`, { ticket_type_id: type("Legacy complaint").id }),
        400,
        "parameter_invalid",
        /archived/,
      );
      expectError(
        await api("POST", `/conversations/${rec.id}/convert`, { ticket_type_id: "31337" }),
        404,
        "ticket_type_not_found",
      );
      expectError(
        await api("POST", `/conversations/${rec.id}/convert`, { ticket_type_id: type("Bug report").id }),
        400,
        "parameter_invalid",
        /Missing required ticket attributes/,
      );
      expectError(
        await api("POST", `/conversations/${rec.id}/convert`, {
          ticket_type_id: type("Bug report").id,
          attributes: { Nope: 1 },
        }),
        400,
        "parameter_invalid",
        "Extra attributes provided that are not found on ticket type: Nope",
      );
      expectError(
        await api("POST", `/conversations/${rec.id}/convert`, {}),
        400,
        "parameter_not_found",
        "ticket_type_id is a required parameter",
      );
    });
    expect(ws().tickets.size).toBe(tickets);
    const converted = find((c) => c.ticket_id !== null);
    expectError(
      await api("POST", `/conversations/${converted.id}/convert`, {
        ticket_type_id: type("Billing question").id,
        attributes: { "Invoice number": "INV-1" },
      }),
      400,
      "parameter_invalid",
      /already/,
    );
    expectError(
      await api("POST", "/conversations/1/convert", { ticket_type_id: type("Billing question").id }),
      404,
      "not_found",
    );
  });
});

function htmlText(html: string): string {
  return html.replace(/<[^>]+>/g, "").trim();
}
