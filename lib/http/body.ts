import { HttpError } from "./errors";

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a JSON body of at most 1 MB; anything else is a clear 4xx. */
export async function readJsonBody(req: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > limit) throw new HttpError("body_too_large", `The request body is over ${Math.round(limit / 1024)} KB.`);
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type.trim()))
    throw new HttpError("unsupported_media_type", "Send the body as application/json.");
  const text = await readLimited(req, limit);
  if (text.trim() === "") throw new HttpError("invalid_json", "The request body is empty; send a JSON object.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    if (e instanceof RangeError) throw tooDeep();
    throw new HttpError("invalid_json", "The request body is not valid JSON.");
  }
  // Schemas, the database and JSON.stringify all recurse: deep nesting would overflow the stack.
  if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) throw tooDeep();
  return value;
}

export const MAX_JSON_DEPTH = 64;

const tooDeep = () => new HttpError("too_deep", `The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`);

/**
 * How deeply objects and arrays nest in a parsed JSON value (a scalar is 0, `{}` is 1),
 * counted without recursion and given up on once past `stopAfter`.
 */
export function jsonDepth(value: unknown, stopAfter = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    deepest = Math.max(deepest, depth);
    if (deepest > stopAfter) break;
    for (const child of Array.isArray(node) ? node : Object.values(node))
      if (child !== null && typeof child === "object") stack.push([child, depth + 1]);
  }
  return deepest;
}

async function readLimited(req: Request, limit: number): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away (or its connection broke) while sending: nothing to answer, nothing to log.
      throw new HttpError("request_aborted", "The request was cut off before its body arrived.");
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new HttpError("body_too_large", `The request body is over ${Math.round(limit / 1024)} KB.`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
