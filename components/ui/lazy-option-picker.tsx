"use client";

import { useState } from "react";
import { LazyControlled } from "./lazy-menu";
import type { OptionPickerProps } from "./option-picker";
import { pickerFace } from "./option-picker-face";

/** An option picker whose search list loads when first opened (by click, key or shortcut). */
export function LazyOptionPicker({ open: openProp, onOpenChange, ...props }: OptionPickerProps) {
  const [openState, setOpenState] = useState(false);
  const open = openProp ?? openState;
  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
  };
  return (
    <LazyControlled
      load={() => import("./option-picker").then((m) => m.OptionPicker)}
      open={open}
      onOpenChange={setOpen}
      props={props}
      trigger={(handlers) => {
        const face = pickerFace(props.options, props.value, props.label, props.placeholder);
        return (
          <button
            type="button"
            aria-label={face.ariaLabel}
            aria-haspopup="dialog"
            aria-expanded={false}
            disabled={props.disabled}
            className={props.invalid ? `${face.className} border-destructive` : face.className}
            {...handlers}
          >
            {face.content}
          </button>
        );
      }}
    />
  );
}
