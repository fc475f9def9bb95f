"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/** The drawing code loads after the page's own, behind a placeholder of the chart's size. */
export const LazyChart = dynamic(() => import("./chart-svg").then((m) => m.ChartSvg), {
  ssr: false,
  loading: () => <Skeleton className="h-66" />,
});
