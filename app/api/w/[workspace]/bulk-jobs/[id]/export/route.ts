import { jobFromParams, jobParams } from "@/lib/bulk/route-helpers";
import { allItems } from "@/lib/bulk/store";
import { csvRow } from "@/lib/csv";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/methods";

/** Every ticket of a job and its outcome, as CSV. */
export const GET = route({ workspace: true, intercom: false, params: jobParams }, async ({ connection, params }) => {
  const { db, job } = await jobFromParams(params, connection.workspaceId);
  const encoder = new TextEncoder();
  const rows = allItems(db, job.id);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(
        encoder.encode(
          csvRow(["ticket_id", "ticket_number", "title", "outcome", "reason", "error", "attempts", "updated_at"]),
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
            r.ticketId,
            r.ticketNumber,
            r.title,
            r.state,
            r.reason,
            r.error,
            r.attempts,
            r.updatedAt.toISOString(),
          ]),
        ),
      );
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="bulk-job-${job.id.slice(0, 8)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
