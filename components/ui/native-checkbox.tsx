"use client";

import type { ComponentProps } from "react";
import { cn } from "@/lib/cn";

/** The browser's own checkbox (accessible as is, and nothing to download), with a mixed state. */
export function NativeCheckbox({
  className,
  indeterminate,
  ...props
}: ComponentProps<"input"> & { indeterminate?: boolean }) {
  return (
    <input
      type="checkbox"
      ref={(el) => {
        if (el) el.indeterminate = Boolean(indeterminate);
      }}
      className={cn(
        "size-4 cursor-pointer rounded-sm accent-primary align-middle disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}
