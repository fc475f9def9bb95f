import * as z from "zod/mini";

/** Intercom's ids are letters, digits, - and _. */
const INTERCOM_ID = /^[A-Za-z0-9_-]{1,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One dynamic segment of the URL; when it is missing or does not match, the route answers 404 with `message`. */
export const segment = (pattern: RegExp, message: string) =>
  z.string({ error: message }).check(z.regex(pattern, message));

/** `[id]` of an Intercom record (a ticket, conversation or segment): "That ticket was not found." otherwise. */
export const intercomIdParams = (what: string) => z.object({ id: segment(INTERCOM_ID, `That ${what} was not found.`) });

/** `[id]` of a row of this product's own database (a bulk job). */
export const uuidParams = (message: string) => z.object({ id: segment(UUID, message) });
