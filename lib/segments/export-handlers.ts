import "server-only";
import * as z from "zod/mini";
import { clientFor } from "@/lib/auth/connections";
import { loadCatalog } from "@/lib/catalog/server";
import { HttpError } from "@/lib/http/errors";
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
        const client = clientFor(connection);
        const segment = await loadSegment(client, params.id);
        const refine = query.q
          ? decodeQuery(query.q, "contacts")
          : { resource: "contacts" as const, root: groupNode("AND", []) };
        if (!refine)
          throw new HttpError("invalid_query", "The search in this link could not be read.", {
            q: "Not a search this dashboard wrote",
          });
        const searched = { resource: "contacts" as const, root: withPinned(segmentFilter(segment.id), refine.root) };
        const catalog = await loadCatalog(client, connection.workspaceId);
        const problems = validate(searched, buildCatalogue("contacts", catalog));
        if (problems.length > 0)
          throw new HttpError("invalid_query", `The search is not valid: ${problems[0].message}`, {
            q: problems[0].message,
          });
        const intercomQuery = toIntercom(searched, { now: Math.floor(Date.now() / 1000), adminId: connection.adminId });
        const stop = new AbortController();
        req.signal.addEventListener(
          "abort",
          () => stop.abort(new ExportStopped("The download was closed before the export finished.")),
          { once: true },
        );
        const owner = { userId: user.id, workspaceId: connection.workspaceId };
        const release = query.export_id ? registerExport(owner, query.export_id, stop) : () => {};
        stop.signal.addEventListener("abort", release, { once: true });
        const { total, stream } = await exportMembers(
          client,
          connection.workspaceId,
          intercomQuery,
          stop.signal,
          query.per_page,
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
