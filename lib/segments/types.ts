/** Segments as the pages show them. */
export interface SegmentSummary {
  id: string;
  name: string;
  personType: "contact" | "user";
  /** Members now; null when Intercom did not count them. */
  count: number | null;
  createdAt: number;
  updatedAt: number;
}

/** Who a segment holds, from Intercom's `person_type`: `contact` is a lead, `user` a user. */
export const PEOPLE: Record<SegmentSummary["personType"], string> = { user: "Users", contact: "Leads" };

/** The segment_id filter a segment's members are found by. */
export const segmentFilter = (segmentId: string) => ({
  kind: "filter" as const,
  id: `pinned-segment-${segmentId}`,
  field: "segment_id",
  operator: "=" as const,
  value: segmentId,
});
