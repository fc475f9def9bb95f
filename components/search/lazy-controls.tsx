"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/** The column chooser: a menu whose code loads after the page's own. */
export const ColumnMenuButton = dynamic(() => import("./column-menu").then((m) => m.ColumnMenu), {
  ssr: false,
  loading: () => <Skeleton className="h-8 w-24" />,
});
