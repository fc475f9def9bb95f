import { HttpError } from "./errors";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/** Mutations must come from the dashboard's own pages: the browser's Origin proves it. */
export function checkOrigin(req: Request, allowedOrigin: string): void {
  if (SAFE.has(req.method.toUpperCase())) return;
  const origin = req.headers.get("origin");
  if (!origin)
    throw new HttpError(
      "origin_required",
      "This request has no Origin header; changes are accepted only from the dashboard.",
    );
  if (origin !== allowedOrigin)
    throw new HttpError("bad_origin", "Changes are accepted only from the dashboard's own pages.");
}
