import { HttpError } from "@/lib/http/errors";

/** A record id from the URL: Intercom ids are letters, digits, - and _; anything else is not found. */
export function recordId(params: Record<string, string | string[] | undefined>, what: string): string {
  const id = params.id;
  if (typeof id !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(id))
    throw new HttpError("not_found", `That ${what} was not found.`);
  return id;
}
