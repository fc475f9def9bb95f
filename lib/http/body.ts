import { HttpError } from "./errors";

export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a JSON body of at most 1 MB; anything else is a clear 4xx. */
export async function readJsonBody(req: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > limit) throw new HttpError(413, "body_too_large", `The request body is over ${Math.round(limit / 1024)} KB.`);
  const type = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type.trim())) throw new HttpError(415, "unsupported_media_type", "Send the body as application/json.");
  const text = await readLimited(req, limit);
  if (text.trim() === "") throw new HttpError(400, "invalid_json", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "invalid_json", "The request body is not valid JSON.");
  }
}

async function readLimited(req: Request, limit: number): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new HttpError(413, "body_too_large", `The request body is over ${Math.round(limit / 1024)} KB.`);
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}
