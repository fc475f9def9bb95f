"use client";

import { ChevronLeft } from "lucide-react";
import Link from "next/link";
import { useMemo } from "react";
import { SearchScreen } from "@/components/search/search-screen";
import { useWorkspace } from "@/components/shell/workspace-context";
import { segmentFilter, type SegmentSummary } from "@/lib/segments/types";
import { ExportMembers } from "./export-members";

const numbers = new Intl.NumberFormat("en");

/** A segment's members: the contacts search with the segment pinned, refinable, exportable. */
export function SegmentMembers({ segment }: { segment: SegmentSummary }) {
  const ws = useWorkspace();
  const pinned = useMemo(
    () => ({ node: segmentFilter(segment.id), label: `Segment is ${segment.name}` }),
    [segment.id, segment.name],
  );
  const count =
    segment.count === null
      ? "Members not counted"
      : `${numbers.format(segment.count)} ${segment.count === 1 ? "member" : "members"}`;
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
        description={`${count} · ${segment.personType === "user" ? "users" : "users and leads"}. Refine below; the segment stays applied.`}
        actions={<ExportMembers workspace={ws.id} segmentId={segment.id} />}
      />
    </div>
  );
}
