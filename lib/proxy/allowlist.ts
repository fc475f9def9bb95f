import { CHANGE_TYPE_VERSION } from "@/lib/intercom/versions";

/**
 * The Intercom calls the dashboard makes, and nothing else: (method, path pattern) pairs,
 * the query parameters each takes, and the Intercom-Version a call needs when it differs
 * from the configured one.
 */
export interface AllowedCall {
  method: "GET" | "POST" | "PUT" | "DELETE";
  pattern: string;
  query?: readonly string[];
  version?: string;
  /** POST and PUT need a JSON body; DELETE may carry one (admin_id for untagging). */
  body: "required" | "optional" | "none";
}

const call = (method: AllowedCall["method"], pattern: string, extra: Partial<AllowedCall> = {}): AllowedCall => ({
  method,
  pattern,
  body: method === "GET" ? "none" : method === "DELETE" ? "optional" : "required",
  ...extra,
});

export const ALLOWLIST: readonly AllowedCall[] = [
  call("GET", "/me"),
  call("GET", "/admins"),
  call("GET", "/admins/{id}"),
  call("GET", "/teams"),
  call("GET", "/teams/{id}"),
  call("GET", "/tags"),
  call("GET", "/ticket_types"),
  call("GET", "/ticket_types/{id}"),
  call("GET", "/ticket_states"),
  call("GET", "/data_attributes", { query: ["model", "include_archived"] }),
  call("GET", "/segments", { query: ["include_count"] }),
  call("GET", "/segments/{id}", { query: ["include_count"] }),
  call("GET", "/companies", { query: ["page", "per_page"] }),
  call("GET", "/companies/{id}"),
  call("GET", "/contacts/{id}"),
  call("GET", "/contacts/{id}/segments"),
  call("GET", "/contacts/{id}/companies"),
  call("GET", "/contacts/{id}/tags"),
  call("POST", "/contacts/search"),
  call("POST", "/tickets/search"),
  call("GET", "/tickets/{id}"),
  call("PUT", "/tickets/{id}"),
  call("DELETE", "/tickets/{id}"),
  call("POST", "/tickets/{id}/reply"),
  call("POST", "/tickets/{id}/tags"),
  call("DELETE", "/tickets/{id}/tags/{id}"),
  call("POST", "/tickets/{id}/change_type", { version: CHANGE_TYPE_VERSION }),
  call("POST", "/conversations/search"),
  call("POST", "/conversations/redact"),
  call("GET", "/conversations/{id}", { query: ["display_as"] }),
  call("PUT", "/conversations/{id}"),
  call("POST", "/conversations/{id}/reply"),
  call("POST", "/conversations/{id}/parts"),
  call("POST", "/conversations/{id}/tags"),
  call("DELETE", "/conversations/{id}/tags/{id}"),
  call("POST", "/conversations/{id}/convert"),
];

/** The allowlisted call for a method and already-validated path segments, if any. */
export function findAllowed(method: string, segments: readonly string[]): AllowedCall | undefined {
  return ALLOWLIST.find((entry) => {
    if (entry.method !== method) return false;
    const parts = entry.pattern.split("/").filter(Boolean);
    if (parts.length !== segments.length) return false;
    return parts.every((p, i) => p === "{id}" || p === segments[i]);
  });
}
