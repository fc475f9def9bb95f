"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/** Snooze presets and a chosen time; its code loads after the page's own. */
export const LazySnoozeMenu = dynamic(() => import("./snooze-menu").then((m) => m.SnoozeMenu), {
  ssr: false,
  loading: () => <Skeleton className="h-8 w-24" />,
});

/** "More actions": a short menu; its code loads after the page's own. */
export const MoreActions = dynamic(() => import("./more-menu").then((m) => m.MoreMenu), {
  ssr: false,
  loading: () => <Skeleton className="size-8" />,
});
