/**
 * The resolvers of forms that load theirs lazily (lib/forms/lazy-resolver.ts): zod's resolver
 * on the route's own schemas, in a module of its own so it loads only when a form first checks.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import type { TicketTypeAttribute } from "@/lib/intercom/schemas";
import { attributeEditSchema, replyFields } from "./schemas";

export const replyResolver = zodResolver(replyFields);

export const attributeResolver = (attribute: TicketTypeAttribute) => zodResolver(attributeEditSchema(attribute));
