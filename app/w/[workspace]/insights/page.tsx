import type { Metadata } from "next";
import { Suspense } from "react";
import { InsightsScreen } from "@/components/insights/insights-screen";
import { PageHeader } from "@/components/shell/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata: Metadata = { title: "Insights" };

export default function InsightsPage() {
  return (
    <>
      <PageHeader
        title="Insights"
        description="Volume, backlog, response times and what is waiting now. Every bar opens the records behind it."
      />
      <Suspense fallback={<Skeleton className="h-96" aria-label="Loading the insights" />}>
        <InsightsScreen />
      </Suspense>
    </>
  );
}
