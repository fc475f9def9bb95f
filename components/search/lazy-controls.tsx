"use client";

import dynamic from "next/dynamic";

/** The column chooser and "Save view": menus and dialogs whose code loads after the page's own. */
export const ColumnMenuButton = dynamic(() => import("./column-menu").then((m) => m.ColumnMenu));
export const SaveViewButton = dynamic(() => import("./save-view-dialog").then((m) => m.SaveViewDialog));
