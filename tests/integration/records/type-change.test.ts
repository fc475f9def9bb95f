/**
 * The type-change and convert route logic against the sandbox over HTTP: valid requests reach
 * Intercom and the records read back changed; forged ones are 400s with field errors and no
 * call to Intercom; Intercom's own refusals come back in its words.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { forgetCatalog, loadCatalog } from "@/lib/catalog/server";
import { HttpError } from "@/lib/http/errors";
import { IntercomClient } from "@/lib/intercom/client";
import { conversationSchema, ticketSchema } from "@/lib/intercom/schemas";
import { nodeTransport, type TransportRequest } from "@/lib/intercom/transport";
import { changeTicketType, convertConversation } from "@/lib/records/type-change";
import type { RunningSandbox } from "@/lib/sandbox";
import type { Workspace } from "@/lib/sandbox/store/workspace";
import { bootSandbox, requiredValues } from "../../support/sandbox";

let sb: RunningSandbox;
let client: IntercomClient;
let store: Workspace;
let wsId: string;

/** The change-type route's work: the ticket read (as the audit reads it), then changed as the lead. */
const changeType = async (id: string, body: Parameters<typeof changeTicketType>[4]) =>
  changeTicketType(client, wsId, store.info.owner_admin_id, await getTicket(id), body);
/** Every call the dashboard made to Intercom, in order. */
const calls: TransportRequest[] = [];

beforeAll(async () => {
  sb = await bootSandbox();
  const ws = sb.workspaces[0];
  wsId = ws.id_code;
  store = sb.sandbox.workspace(wsId)!;
  client = new IntercomClient({
    baseUrl: sb.url,
    token: ws.access_token,
    version: "2.16",
    timeoutMs: 10_000,
    actingAdminId: store.info.owner_admin_id,
    transport: (req) => {
      calls.push(req);
      return nodeTransport(req);
    },
  });
});
afterAll(() => sb.stop());
beforeEach(() => {
  calls.length = 0;
  forgetCatalog(wsId);
});

const mutations = () => calls.filter((c) => c.method !== "GET").map((c) => `${c.method} ${new URL(c.url).pathname}`);
const types = () => [...store.ticketTypes.values()];
const getTicket = (id: string) => client.request("GET", `/tickets/${id}`, ticketSchema);

function ticketOfType(typeId: string, skip = 0) {
  return [...store.tickets.values()].filter((t) => t.ticket_type_id === typeId)[skip];
}

async function refusal(run: () => Promise<unknown>): Promise<HttpError> {
  const e = await run().then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(HttpError);
  expect((e as HttpError).status).toBe(400);
  return e as HttpError;
}

describe("changing a ticket's type", () => {
  it("changes type and state with Intercom-Version 2.16, carrying what matches and taking overrides", async () => {
    const from = types().find((t) => t.category === "Customer" && !t.archived && ticketOfType(t.id))!;
    const to = types().find((t) => t.category === "Customer" && !t.archived && t.id !== from.id)!;
    const rec = ticketOfType(from.id);
    const state = store.ticketStates.get(to.state_ids.at(-1)!)!;
    const overrides = requiredValues(to);
    expect(Object.keys(overrides).length).toBeGreaterThan(0);
    const title = rec.attributes._default_title_;

    const detail = await changeType(rec.id, {
      ticket_type_id: to.id,
      ticket_state_id: state.id,
      ticket_attributes: overrides,
    });
    expect(detail.type.id).toBe(to.id);
    expect(detail.state.id).toBe(state.id);
    const change = calls.find((c) => c.url.endsWith("/change_type"))!;
    expect(change.headers["Intercom-Version"]).toBe("2.16");
    const after = await getTicket(rec.id);
    expect(after.ticket_type.id).toBe(to.id);
    expect(after.ticket_attributes).toMatchObject({ _default_title_: title, ...overrides });
    expect(detail.parts.some((p) => p.partType === "ticket_type_updated_by_admin")).toBe(true);
  });

  it("refuses, before any call that changes anything, a type of another category, a foreign state, unknown attributes and wrong values", async () => {
    const from = types().find((t) => t.category === "Customer" && !t.archived && ticketOfType(t.id, 1))!;
    const rec = ticketOfType(from.id, 1);
    const sameCategory = types().find((t) => t.category === "Customer" && !t.archived && t.id !== from.id)!;
    const otherCategory = types().find((t) => t.category === "Back-office" && !t.archived)!;
    const foreignState = types()
      .flatMap((t) => t.state_ids)
      .find((s) => !sameCategory.state_ids.includes(s))!;
    const integer = sameCategory.attributes.find((a) => a.data_type === "integer" && !a.archived);

    let e = await refusal(() => changeType(rec.id, { ticket_type_id: otherCategory.id }));
    expect(e.fields?.ticket_type_id).toMatch(/Back-office type; a Customer ticket/);
    e = await refusal(() => changeType(rec.id, { ticket_type_id: sameCategory.id, ticket_state_id: foreignState }));
    expect(e.fields?.ticket_state_id).toMatch(/not one of/);
    e = await refusal(() =>
      changeType(rec.id, {
        ticket_type_id: sameCategory.id,
        ticket_attributes: { Nonexistent: "x", ...(integer ? { [integer.name]: "many" } : {}) },
      }),
    );
    expect(e.fields?.Nonexistent).toMatch(/has no attribute/);
    if (integer) expect(e.fields?.[integer.name]).toMatch(/whole number/);
    e = await refusal(() => changeType(rec.id, { ticket_type_id: from.id }));
    expect(e.fields?.ticket_type_id).toMatch(/already of type/);

    expect(mutations()).toEqual([]);
    expect((await getTicket(rec.id)).ticket_type.id).toBe(from.id);
  });

  it("shows Intercom's refusal in its words when the types changed meanwhile, then knows better", async () => {
    const from = types().find((t) => t.category === "Customer" && !t.archived && ticketOfType(t.id, 2))!;
    const to = types().find((t) => t.category === "Customer" && !t.archived && t.id !== from.id)!;
    const rec = ticketOfType(from.id, 2);
    // The catalogue is read (and cached), then the type is archived in Intercom.
    await loadCatalog(client, wsId);
    const archive = await fetch(`${sb.url}/ticket_types/${to.id}`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${sb.workspaces[0].access_token}`, "Content-Type": "application/json" },
      body: JSON.stringify({ archived: true }),
    });
    expect(archive.status).toBe(200);
    try {
      const e = await changeType(rec.id, {
        ticket_type_id: to.id,
        ticket_attributes: requiredValues(to),
      }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(HttpError);
      expect((e as HttpError).code).toBe("intercom_refused");
      expect((e as HttpError).message).toBe("Intercom answered 400: Cannot change to an archived ticket type");
      // The cached types were dropped: the next attempt is refused here, with the field named.
      const again = await refusal(() =>
        changeType(rec.id, { ticket_type_id: to.id, ticket_attributes: requiredValues(to) }),
      );
      expect(again.fields?.ticket_type_id).toMatch(/is archived/);
      expect((await getTicket(rec.id)).ticket_type.id).toBe(from.id);
    } finally {
      await fetch(`${sb.url}/ticket_types/${to.id}`, {
        method: "PUT",
        headers: { Authorization: `Bearer ${sb.workspaces[0].access_token}`, "Content-Type": "application/json" },
        body: JSON.stringify({ archived: false }),
      });
    }
  });
});

describe("converting a conversation", () => {
  const unconverted = (skip: number) =>
    [...store.conversations.values()].filter((c) => !c.ticket_id && c.source.body)[skip];

  it("creates a ticket of a Customer type with the given attributes; the conversation links to it", async () => {
    const conv = unconverted(0);
    const type = types().find((t) => t.category === "Customer" && !t.archived)!;
    const { ticketId, ticketNumber } = await convertConversation(client, wsId, conv.id, {
      ticket_type_id: type.id,
      attributes: {
        _default_title_: "Converted from chat",
        _default_description_: "The customer's first message",
        ...requiredValues(type),
      },
    });
    const ticket = await getTicket(ticketId);
    expect(ticket.ticket_id).toBe(ticketNumber);
    expect(ticket.ticket_type.id).toBe(type.id);
    expect(ticket.ticket_attributes).toMatchObject({ _default_title_: "Converted from chat", ...requiredValues(type) });
    const after = await client.request("GET", `/conversations/${conv.id}`, conversationSchema);
    expect(after.ticket?.id).toBe(ticketId);

    // A second conversion is refused before Intercom.
    calls.length = 0;
    const e = await convertConversation(client, wsId, conv.id, { ticket_type_id: type.id }).catch((x: unknown) => x);
    expect((e as HttpError).status).toBe(409);
    expect(mutations()).toEqual([]);
  });

  it("refuses non-Customer types, missing required values and unknown attributes, with no call", async () => {
    const conv = unconverted(1);
    const backOffice = types().find((t) => t.category === "Back-office" && !t.archived)!;
    const withRequired = types().find(
      (t) =>
        t.category === "Customer" &&
        !t.archived &&
        t.attributes.some((a) => a.required_to_create && !a.name.startsWith("_default")),
    )!;
    const required = withRequired.attributes.find((a) => a.required_to_create && !a.name.startsWith("_default"))!;

    let e = await refusal(() => convertConversation(client, wsId, conv.id, { ticket_type_id: backOffice.id }));
    expect(e.fields?.ticket_type_id).toMatch(/Only Customer ticket types/);
    e = await refusal(() =>
      convertConversation(client, wsId, conv.id, {
        ticket_type_id: withRequired.id,
        attributes: { _default_title_: "" },
      }),
    );
    expect(e.fields?._default_title_).toMatch(/Title needs a value/);
    expect(e.fields?.[required.name]).toMatch(/needs a value/);
    e = await refusal(() =>
      convertConversation(client, wsId, conv.id, { ticket_type_id: withRequired.id, attributes: { Shoe_size: 9 } }),
    );
    expect(e.fields?.Shoe_size).toMatch(/has no attribute/);
    expect(mutations()).toEqual([]);
    expect((await client.request("GET", `/conversations/${conv.id}`, conversationSchema)).ticket ?? null).toBeNull();
  });
});
