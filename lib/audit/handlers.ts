import "server-only";
import { csvRow } from "@/lib/csv";
import type { Db } from "@/lib/db/client";
import { HttpError } from "@/lib/http/errors";
import type { createRoute } from "@/lib/http/wrapper";
import { auditQuery } from "./schema";
import { allAudit, BadCursor, listAudit } from "./store";

type Route = ReturnType<typeof createRoute>;

const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v));

/**
 * The audit routes, read-only: a page of the workspace's log, and the same filters as CSV.
 * Built from a route wrapper and a database so tests run them against a throwaway database.
 */
export function makeAuditHandlers(route: Route, getDb: () => Promise<Db>) {
  return {
    /** Any other method: the log is read-only (after the same session, workspace and Origin checks). */
    readOnly: route({ workspace: true, intercom: false }, async () => {
      throw new HttpError(
        "method_not_allowed",
        "The audit log is read-only: entries cannot be changed or deleted.",
        undefined,
        { Allow: "GET" },
      );
    }),

    /** GET /api/w/[workspace]/audit → { entries, nextCursor } */
    list: route({ workspace: true, intercom: false, query: auditQuery }, async ({ connection, query }) => {
      const { cursor, ...filters } = query;
      try {
        return await listAudit(await getDb(), connection.workspaceId, filters, cursor, {
          timeZone: connection.timezone,
        });
      } catch (e) {
        if (e instanceof BadCursor)
          throw new HttpError("invalid_query", "The page cursor is not valid.", { cursor: "Not a valid cursor" });
        throw e;
      }
    }),

    /** GET /api/w/[workspace]/audit/export → text/csv, every matching entry, streamed */
    export: route({ workspace: true, intercom: false, query: auditQuery }, async ({ connection, query }) => {
      const { cursor: _ignored, ...filters } = query;
      void _ignored;
      const db = await getDb();
      const rows = allAudit(db, connection.workspaceId, filters, connection.timezone);
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(
            encoder.encode(
              csvRow([
                "at",
                "actor_email",
                "actor_name",
                "admin_id",
                "action",
                "record_type",
                "record_id",
                "summary",
                "before",
                "after",
                "job_id",
                "outcome",
              ]),
            ),
          );
        },
        async pull(controller) {
          const next = await rows.next();
          if (next.done) return controller.close();
          const r = next.value;
          controller.enqueue(
            encoder.encode(
              csvRow([
                new Date(r.at).toISOString(),
                r.actorEmail,
                r.actorName,
                r.adminId,
                r.action,
                r.recordType,
                r.recordId,
                r.summary,
                json(r.before),
                json(r.after),
                r.jobId,
                r.outcome,
              ]),
            ),
          );
        },
      });
      const day = new Date().toISOString().slice(0, 10);
      return new Response(stream, {
        headers: {
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="audit-${connection.workspaceId}-${day}.csv"`,
          "Cache-Control": "no-store",
        },
      });
    }),
  };
}
