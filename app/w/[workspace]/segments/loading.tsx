import { Skeleton } from "@/components/ui/skeleton";

export default function SegmentsLoading() {
  return (
    <div role="status" aria-label="Loading segments" className="space-y-4">
      <Skeleton className="h-7 w-40" />
      <Skeleton className="h-64 w-full" />
      <Skeleton className="h-72 w-full" />
    </div>
  );
}
