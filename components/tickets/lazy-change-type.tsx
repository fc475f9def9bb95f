"use client";

import dynamic from "next/dynamic";

/** The type-change form loads when a lead opens it. */
export const ChangeTypeDialog = dynamic(() => import("./change-type-dialog").then((m) => m.ChangeTypeDialog), {
  ssr: false,
});
