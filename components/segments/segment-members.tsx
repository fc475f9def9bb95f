"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronLeft } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { SearchScreen } from "@/components/search/search-screen";
import { useWorkspace } from "@/components/shell/workspace-context";
import { countQuery } from "@/lib/queries/search";
import { withPinned } from "@/lib/search/pin";
import { decodeQuery } from "@/lib/search/url";
import { PEOPLE, segmentFilter, type SegmentSummary } from "@/lib/segments/types";
import { ExportMembers } from "./export-members";

const numbers = new Intl.NumberFormat("en");
const members = (n: number) => `${numbers.format(n)} ${n === 1 ? "member" : "members"}`;

/**
 * How many members the page is about: the segment's own count, or, once the lead refines it,
 * how many of them match the refinement (counted with the same query the list runs).
 */
function useMemberCount(segment: SegmentSummary): string {
  const ws = useWorkspace();
  const q = useSearchParams().get("q");
  const refined = useMemo(() => {
    const refine = q ? decodeQuery(q, "contacts") : null;
    if (!refine || refine.root.children.length === 0) return null;
    return { resource: "contacts" as const, root: withPinned(segmentFilter(segment.id), refine.root) };
  }, [q, segment.id]);
  const count = useQuery(countQuery(ws.id, "contacts", refined, ws.adminId));
  const all = segment.count === null ? "Members not counted" : members(segment.count);
  if (!refined) return all;
  if (count.data === undefined) return count.isError ? `${all}; the refinement could not be counted` : "Counting…";
  return segment.count === null
    ? `${members(count.data)} match the refinement`
    : `${numbers.format(count.data)} of ${all} match the refinement`;
}

/** A segment's members: the contacts search with the segment pinned, refinable, exportable. */
export function SegmentMembers({ segment }: { segment: SegmentSummary }) {
  const ws = useWorkspace();
  const pinned = useMemo(
    () => ({ node: segmentFilter(segment.id), label: `Segment is ${segment.name}` }),
    [segment.id, segment.name],
  );
  const count = useMemberCount(segment);
  return (
    <div className="space-y-2">
      <Link
        href={`/w/${ws.id}/segments`}
        className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
      >
        <ChevronLeft className="size-4" aria-hidden="true" /> Segments
      </Link>
      <SearchScreen
        resource="contacts"
        pinned={pinned}
        title={segment.name}
        description={`${count} · ${PEOPLE[segment.personType]}. Refine below; the segment stays applied.`}
        actions={<ExportMembers workspace={ws.id} segmentId={segment.id} />}
      />
    </div>
  );
}
