import { z } from "zod";
import { clientFor } from "@/lib/auth/connections";
import { route } from "@/lib/http/route";
import { contactLookup, contactsById } from "@/lib/records/search";
import { otherMethods } from "@/lib/http/methods";

const query = z.strictObject({
  q: z.string().max(100).optional(),
  /** Comma-separated contact ids, for the names of contacts already chosen. */
  ids: z
    .string()
    .max(2000)
    .regex(/^[A-Za-z0-9_,-]*$/, "Contact ids are letters and digits")
    .optional(),
});

/** Contacts for pickers: by name or email as the lead types, or by id for the ones chosen. */
export const GET = route({ workspace: true, query }, async ({ connection, query }) => {
  const client = clientFor(connection);
  if (query.ids) {
    const found = await contactsById(client, query.ids.split(",").filter(Boolean).slice(0, 100));
    return { contacts: [...found.values()].map((c) => ({ id: c.id, name: c.name ?? null, email: c.email ?? null })) };
  }
  return { contacts: await contactLookup(client, query.q ?? "") };
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
