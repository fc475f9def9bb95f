import { badRequest, missingParameter } from "../errors";

export type Body = Record<string, unknown>;

/** The request body as an object; Intercom answers 400 for anything else. */
export function objectBody(body: unknown, required = true): Body {
  if (body === undefined || body === null) {
    if (required) throw badRequest("A JSON object body is required");
    return {};
  }
  if (typeof body !== "object" || Array.isArray(body)) throw badRequest("The request body must be a JSON object");
  return body as Body;
}

/** Refuses parameters the endpoint does not know, naming them. */
export function onlyKeys(body: Body, allowed: readonly string[]): void {
  const unknown = Object.keys(body).filter((k) => !allowed.includes(k));
  if (unknown.length > 0)
    throw badRequest(
      `Unknown parameter${unknown.length > 1 ? "s" : ""}: ${unknown.join(", ")}`,
      "parameter_invalid",
      unknown[0],
    );
}

/** Intercom ids arrive as strings or numbers ("admin_id": 991267618); both mean the same id. */
export function idParam(body: Body, key: string, required: true): string;
export function idParam(body: Body, key: string, required: false): string | undefined;
export function idParam(body: Body, key: string, required: boolean): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) {
    if (required) throw missingParameter(key);
    return undefined;
  }
  if (typeof v === "string" && v.trim() !== "") return v.trim();
  if (typeof v === "number" && Number.isInteger(v) && v >= 0) return String(v);
  throw badRequest(`${key} must be an id (a string or an integer)`, "parameter_invalid", key);
}

export function stringParam(body: Body, key: string, required: boolean): string | undefined {
  const v = body[key];
  if (v === undefined || v === null) {
    if (required) throw missingParameter(key);
    return undefined;
  }
  if (typeof v !== "string") throw badRequest(`${key} must be a string`, "parameter_invalid", key);
  return v;
}

export function booleanParam(body: Body, key: string): boolean | undefined {
  const v = body[key];
  if (v === undefined) return undefined;
  if (typeof v !== "boolean") throw badRequest(`${key} must be a boolean`, "parameter_invalid", key);
  return v;
}

export function timestampParam(body: Body, key: string, required: boolean): number | undefined {
  const v = body[key];
  if (v === undefined || v === null) {
    if (required) throw missingParameter(key);
    return undefined;
  }
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0)
    throw badRequest(`${key} must be a Unix timestamp in seconds`, "parameter_invalid", key);
  return v;
}

export function enumParam<T extends string>(
  body: Body,
  key: string,
  values: readonly T[],
  required: boolean,
): T | undefined {
  const v = body[key];
  if (v === undefined || v === null) {
    if (required) throw missingParameter(key);
    return undefined;
  }
  if (typeof v !== "string" || !values.includes(v as T)) {
    throw badRequest(`${key} must be one of: ${values.join(", ")}`, "parameter_invalid", key);
  }
  return v as T;
}

/** HTML a teammate typed: plain text becomes a paragraph, as Intercom stores it. */
export function asHtmlBody(text: string): string {
  const trimmed = text.trim();
  if (/^<[a-z][\s\S]*>$/i.test(trimmed)) return trimmed.replace(/^<html>\s*<body>|<\/body>\s*<\/html>$/gi, "").trim();
  const escaped = trimmed.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return escaped
    .split(/\n{2,}/)
    .map((para) => `<p>${para.replace(/\n/g, "<br>")}</p>`)
    .join("");
}
