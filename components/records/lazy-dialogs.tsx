"use client";

import dynamic from "next/dynamic";

/** Dialogs a record page opens now and then: their code loads the first time one opens. */
export const ConfirmDialog = dynamic(() => import("@/components/ui/confirm-dialog").then((m) => m.ConfirmDialog), {
  ssr: false,
});
export const ShortcutsHelp = dynamic(() => import("./shortcuts-help").then((m) => m.ShortcutsHelp), { ssr: false });
