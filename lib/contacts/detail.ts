import "server-only";
import { loadCatalog } from "@/lib/catalog/server";
import type { IntercomClient } from "@/lib/intercom/client";
import { companyListSchema, contactSchema } from "@/lib/intercom/schemas";
import { searchRows } from "@/lib/records/search";
import { contactSegments } from "@/lib/segments/server";
import type { ContactDetail } from "./types";

/** How many open conversations and tickets the page lists; the rest are a click away in the builder. */
export const OPEN_RECORDS_SHOWN = 10;

/** The open records of a contact, as Intercom's search has them. */
export const openOf = (contactId: string) => ({
  operator: "AND" as const,
  value: [
    { field: "contact_ids", operator: "=", value: contactId },
    { field: "open", operator: "=", value: true },
  ],
});

const scalar = (v: unknown): string | number | boolean | null =>
  typeof v === "string" || typeof v === "number" || typeof v === "boolean"
    ? v
    : v === null || v === undefined
      ? null
      : JSON.stringify(v);

/** Everything a contact's page shows, read at once: the contact, its companies, segments and open records. */
export async function loadContactDetail(
  client: IntercomClient,
  workspaceId: string,
  id: string,
): Promise<ContactDetail> {
  const path = `/contacts/${encodeURIComponent(id)}`;
  const c = await client.request("GET", path, contactSchema);
  const [catalog, companies, segments, conversations, tickets] = await Promise.all([
    loadCatalog(client, workspaceId),
    client.request("GET", `${path}/companies`, companyListSchema),
    contactSegments(client, id),
    searchRows(client, workspaceId, "conversations", openOf(id), OPEN_RECORDS_SHOWN, null),
    searchRows(client, workspaceId, "tickets", openOf(id), OPEN_RECORDS_SHOWN, null),
  ]);
  const tagNames = new Map(catalog.tags.map((t) => [t.id, t.name]));
  const defined = catalog.dataAttributes.filter((a) => a.model === "contact" && a.custom);
  const known = new Set(defined.map((a) => a.name));
  const customAttributes = [
    ...defined
      .filter((a) => c.custom_attributes[a.name] !== undefined)
      .map((a) => ({
        name: a.name,
        label: a.label,
        dataType: a.data_type,
        value: scalar(c.custom_attributes[a.name]),
      })),
    // Values for attributes the workspace no longer describes are still shown, by name.
    ...Object.keys(c.custom_attributes)
      .filter((k) => !known.has(k))
      .map((k) => ({ name: k, label: k, dataType: "string", value: scalar(c.custom_attributes[k]) })),
  ];
  return {
    id: c.id,
    externalId: c.external_id ?? null,
    role: c.role,
    name: c.name ?? null,
    email: c.email ?? null,
    phone: c.phone ?? null,
    avatarUrl: c.avatar?.image_url ?? null,
    location: [c.location?.city, c.location?.region, c.location?.country].filter(Boolean).join(", ") || null,
    browser: c.browser ?? null,
    os: c.os ?? null,
    language: c.language_override ?? null,
    ownerId: c.owner_id,
    emailStatus: {
      unsubscribed: c.unsubscribed_from_emails ?? false,
      hardBounced: c.has_hard_bounced ?? false,
      markedAsSpam: c.marked_email_as_spam ?? false,
    },
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    signedUpAt: c.signed_up_at,
    lastSeenAt: c.last_seen_at,
    lastRepliedAt: c.last_replied_at,
    lastContactedAt: c.last_contacted_at,
    customAttributes,
    companies: companies.data.map((co) => ({
      id: co.id,
      name: co.name ?? co.company_id ?? co.id,
      plan: co.plan?.name ?? null,
      userCount: co.user_count ?? null,
    })),
    tags: c.tags.map((tid) => ({ id: tid, name: tagNames.get(tid) ?? tid })),
    segments,
    openConversations: { rows: conversations.rows, total: conversations.total },
    openTickets: { rows: tickets.rows, total: tickets.total },
  };
}
