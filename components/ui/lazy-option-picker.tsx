"use client";

import dynamic from "next/dynamic";
import { Skeleton } from "./skeleton";

/** The option picker (a popover with a searchable list), its code loaded after the page's own. */
export const LazyOptionPicker = dynamic(() => import("./option-picker").then((m) => m.OptionPicker), {
  ssr: false,
  loading: () => <Skeleton className="h-9 w-full" />,
});
