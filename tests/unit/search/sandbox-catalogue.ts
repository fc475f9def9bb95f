/**
 * Catalogues built the way the dashboard builds them: GET /ticket_types and /data_attributes
 * from a real (embedded) sandbox, parsed with lib/intercom/schemas.
 */
import {
  dataAttributeListSchema,
  meSchema,
  ticketTypeListSchema,
  type DataAttribute,
  type TicketType,
} from "@/lib/intercom/schemas";
import type { RunningSandbox } from "@/lib/sandbox";
import { buildCatalogue, type Catalogue } from "@/lib/search/catalogue";
import { RESOURCES, type Resource } from "@/lib/search/fields";
import type { IntercomQuery } from "@/lib/search/model";
import { bootSandbox, client, expectOk, type Api } from "../../support/sandbox";

export interface SandboxWorkspace {
  sb: RunningSandbox;
  api: Api;
  adminId: string;
  ticketTypes: TicketType[];
  dataAttributes: DataAttribute[];
  catalogues: Record<Resource, Catalogue>;
  /** The status the sandbox answers POST /{resource}/search with, and its error message if any. */
  search(resource: Resource, query: IntercomQuery): Promise<{ status: number; message?: string }>;
}

export async function sandboxWorkspace(): Promise<SandboxWorkspace> {
  const sb = await bootSandbox();
  const api = client(sb.url, sb.workspaces[0].access_token);
  const ticketTypes = expectOk(await api("GET", "/ticket_types"), ticketTypeListSchema).data;
  const dataAttributes = expectOk(await api("GET", "/data_attributes"), dataAttributeListSchema).data;
  const me = expectOk(await api("GET", "/me"), meSchema);
  const catalogues = Object.fromEntries(
    RESOURCES.map((r) => [r, buildCatalogue(r, { ticketTypes, dataAttributes })]),
  ) as Record<Resource, Catalogue>;
  return {
    sb,
    api,
    adminId: me.id,
    ticketTypes,
    dataAttributes,
    catalogues,
    async search(resource, query) {
      const res = await api<{ errors?: { message: string }[] }>("POST", `/${resource}/search`, {
        query,
        pagination: { per_page: 1 },
      });
      return { status: res.status, message: res.body?.errors?.[0]?.message };
    },
  };
}
