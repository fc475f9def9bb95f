"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

const load = () => import("./chart-svg");

/** Starts loading the drawing code while the numbers are still being asked for. */
export const preloadChart = (): void => void load();

/** The drawing code loads after the page's own, behind a placeholder of the chart's size. */
export const LazyChart = dynamic(() => load().then((m) => m.ChartSvg), {
  ssr: false,
  loading: () => <Skeleton className="h-66" />,
});
