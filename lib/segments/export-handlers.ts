import "server-only";
import * as z from "zod/mini";
import { clientFor } from "@/lib/auth/connections";
import { loadCatalog } from "@/lib/catalog/server";
import { HttpError } from "@/lib/http/errors";
import type { IntercomClient } from "@/lib/intercom/client";
import type { createRoute } from "@/lib/http/wrapper";
import { segmentParams } from "@/lib/records/params";
import { buildCatalogue } from "@/lib/search/catalogue";
import { toIntercom } from "@/lib/search/convert";
import { groupNode } from "@/lib/search/model";
import { withPinned } from "@/lib/search/pin";
import { decodeQuery } from "@/lib/search/url";
import { validate } from "@/lib/search/validate";
import { exportMembers } from "./export";
import { cancelExport, ExportStopped, registerExport } from "./running-exports";
import { loadSegment } from "./server";
import { segmentFilter } from "./types";

type Route = ReturnType<typeof createRoute>;

const exportId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, "Not an export id"));
/** `per_page` trades requests for memory; Intercom's largest page (150) unless asked. */
const exportQuery = z.strictObject({
  q: z.optional(z.string().check(z.maxLength(64_000))),
  /** Chosen by the browser, so it can cancel this export by name. */
  export_id: z.optional(exportId),
  per_page: z.optional(
    z.coerce.number().check(z.int(), z.minimum(10, "At least 10 per page"), z.maximum(150, "At most 150 per page")),
  ),
});

/** "VIP customers" on 21 Nov 2026 → vip-customers-2026-11-21.csv */
function fileName(segment: string): string {
  const slug =
    segment
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "segment";
  return `${slug}-${new Date().toISOString().slice(0, 10)}.csv`;
}

interface Start {
  client: IntercomClient;
  segmentId: string;
  workspaceId: string;
  adminId: string;
  q: string | undefined;
  perPage: number | undefined;
}

/** Reads the segment and the refinement, then starts paging; nothing is asked of Intercom once `signal` aborts. */
async function startExport(start: Start, signal: AbortSignal, release: () => void): Promise<Response> {
  const { client } = start;
  const segment = await loadSegment(client, start.segmentId, signal);
  const refine = start.q
    ? decodeQuery(start.q, "contacts")
    : { resource: "contacts" as const, root: groupNode("AND", []) };
  if (!refine)
    throw new HttpError("invalid_query", "The search in this link could not be read.", {
      q: "Not a search this dashboard wrote",
    });
  const searched = { resource: "contacts" as const, root: withPinned(segmentFilter(segment.id), refine.root) };
  const catalog = await loadCatalog(client, start.workspaceId);
  const problems = validate(searched, buildCatalogue("contacts", catalog));
  if (problems.length > 0)
    throw new HttpError("invalid_query", `The search is not valid: ${problems[0].message}`, {
      q: problems[0].message,
    });
  const intercomQuery = toIntercom(searched, { now: Math.floor(Date.now() / 1000), adminId: start.adminId });
  const { total, stream } = await exportMembers(
    client,
    start.workspaceId,
    intercomQuery,
    signal,
    start.perPage,
    release,
  );
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName(segment.name)}"`,
      "X-Total-Count": String(total),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/**
 * The segment export's route handlers, built from a route wrapper so tests can run them with
 * a fake session against the sandbox; the route file passes the real one.
 */
export function makeSegmentExportHandlers(route: Route) {
  return {
    /**
     * GET: a segment's members as CSV, refined by the search in `q` when given, streamed page
     * by page. X-Total-Count says how many rows will come, for the progress bar.
     */
    start: route(
      { workspace: true, params: segmentParams, query: exportQuery },
      async ({ connection, params, query, req, user }) => {
        const start: Start = {
          client: clientFor(connection),
          segmentId: params.id,
          workspaceId: connection.workspaceId,
          adminId: connection.adminId,
          q: query.q,
          perPage: query.per_page,
        };
        // Known, and cancellable, from the first moment: a cancel while the segment is still being
        // read stops the export before it asks for a single page.
        const stop = new AbortController();
        const gone = () => stop.abort(new ExportStopped("The download was closed before the export finished."));
        if (req.signal.aborted) gone();
        else req.signal.addEventListener("abort", gone, { once: true });
        const owner = { userId: user.id, workspaceId: connection.workspaceId };
        const release = query.export_id ? registerExport(owner, query.export_id, stop) : () => {};
        stop.signal.addEventListener("abort", release, { once: true });
        try {
          return await startExport(start, stop.signal, release);
        } catch (e) {
          release();
          if (stop.signal.aborted) throw new HttpError("request_aborted", "The export was cancelled before it began.");
          throw e;
        }
      },
    ),

    /** DELETE: stops a running export of this lead's by its id; answers whether one was running here. */
    cancel: route(
      { workspace: true, query: z.strictObject({ export_id: exportId }) },
      async ({ connection, query, user }) => ({
        cancelled: cancelExport({ userId: user.id, workspaceId: connection.workspaceId }, query.export_id),
      }),
    ),
  };
}
