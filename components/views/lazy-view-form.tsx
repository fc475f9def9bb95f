"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/** The view form (react-hook-form and its schema) loads when a dialog opens, not with every page. */
export const LazyViewForm = dynamic(() => import("./view-form").then((m) => m.ViewForm), {
  loading: () => <Skeleton className="h-28" />,
});
