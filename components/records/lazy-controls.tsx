"use client";

import dynamic from "next/dynamic";

/** Snooze presets and a chosen time; its code loads after the page's own. */
export const LazySnoozeMenu = dynamic(() => import("./snooze-menu").then((m) => m.SnoozeMenu));

/** "More actions": a short menu; its code loads after the page's own. */
export const MoreActions = dynamic(() => import("./more-menu").then((m) => m.MoreMenu));
