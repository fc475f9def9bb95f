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

/** The segment_id filter a segment's members are found by. */
export const segmentFilter = (segmentId: string) => ({
  kind: "filter" as const,
  id: `pinned-segment-${segmentId}`,
  field: "segment_id",
  operator: "=" as const,
  value: segmentId,
});
