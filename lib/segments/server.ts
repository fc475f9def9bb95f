import "server-only";
import type { IntercomClient } from "@/lib/intercom/client";
import { contactSegmentsSchema, segmentListSchema, segmentSchema, type Segment } from "@/lib/intercom/schemas";
import type { SegmentSummary } from "./types";

export const summary = (s: Segment): SegmentSummary => ({
  id: s.id,
  name: s.name,
  personType: s.person_type,
  count: s.count ?? null,
  createdAt: s.created_at,
  updatedAt: s.updated_at,
});

/** Every segment with its member count. */
export async function listSegments(client: IntercomClient): Promise<SegmentSummary[]> {
  const list = await client.request("GET", "/segments?include_count=true", segmentListSchema);
  return list.segments.map(summary);
}

export async function loadSegment(client: IntercomClient, id: string, signal?: AbortSignal): Promise<SegmentSummary> {
  return summary(
    await client.request("GET", `/segments/${encodeURIComponent(id)}?include_count=true`, segmentSchema, { signal }),
  );
}

/** The segments a contact is in. */
export async function contactSegments(client: IntercomClient, contactId: string): Promise<SegmentSummary[]> {
  const list = await client.request(
    "GET",
    `/contacts/${encodeURIComponent(contactId)}/segments`,
    contactSegmentsSchema,
  );
  return list.data.map(summary);
}
