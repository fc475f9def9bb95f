"use client";

import dynamic from "next/dynamic";

/** The convert form loads when a lead opens it. */
export const ConvertDialog = dynamic(() => import("./convert-dialog").then((m) => m.ConvertDialog), { ssr: false });
