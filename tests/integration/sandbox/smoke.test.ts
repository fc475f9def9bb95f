import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSandbox } from "@/lib/sandbox";
import { meSchema, ticketListSchema } from "@/lib/intercom/schemas";
import { bootSandbox, client } from "../../support/sandbox";

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await bootSandbox();
});
afterAll(() => sb.stop());

describe("sandbox smoke", () => {
  it("identifies the token's admin and workspace", async () => {
    const [us] = sb.workspaces;
    const api = client(sb.url, us.access_token);
    const me = await api("GET", "/me");
    expect(me.status).toBe(200);
    const parsed = meSchema.parse(me.body);
    expect(parsed.app?.id_code).toBe(us.id_code);
    expect(parsed.app?.region).toBe("US");
  });

  it("searches tickets with a nested query", async () => {
    const api = client(sb.url, sb.workspaces[0].access_token);
    const res = await api("POST", "/tickets/search", {
      query: {
        operator: "AND",
        value: [
          { field: "open", operator: "=", value: true },
          {
            operator: "OR",
            value: [
              { field: "category", operator: "=", value: "request" },
              { field: "category", operator: "=", value: "task" },
            ],
          },
        ],
      },
      pagination: { per_page: 5 },
    });
    expect(res.status).toBe(200);
    const list = ticketListSchema.parse(res.body);
    expect(list.tickets).toHaveLength(5);
    expect(list.total_count).toBeGreaterThan(5);
  });
});
