import { Skeleton } from "@/components/ui/skeleton";

export default function SegmentLoading() {
  return (
    <div role="status" aria-label="Loading the segment" className="space-y-4">
      <Skeleton className="h-4 w-24" />
      <Skeleton className="h-7 w-56" />
      <Skeleton className="h-40 w-full" />
      <Skeleton className="h-96 w-full" />
    </div>
  );
}
