"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "@/components/ui/skeleton";

/** The column chooser and "Save view": menus and dialogs whose code loads after the page's own. */
export const ColumnMenuButton = dynamic(() => import("./column-menu").then((m) => m.ColumnMenu), {
  ssr: false,
  loading: () => <Skeleton className="h-8 w-24" />,
});
export const SaveViewButton = dynamic(() => import("./save-view-dialog").then((m) => m.SaveViewDialog), {
  ssr: false,
  loading: () => <Skeleton className="h-8 w-24" />,
});
