"use client";

import { useEffect, useState, type ComponentType } from "react";
import { loadSonner } from "@/lib/notify";

type ToasterProps = { richColors?: boolean; closeButton?: boolean; position?: "bottom-right" };

/** Sonner's toaster, mounted once the page is interactive (before any toast can be raised). */
export function LazyToaster() {
  const [Toaster, setToaster] = useState<ComponentType<ToasterProps> | null>(null);
  useEffect(() => {
    let live = true;
    void loadSonner().then((m) => live && setToaster(() => m.Toaster as ComponentType<ToasterProps>));
    return () => {
      live = false;
    };
  }, []);
  return Toaster ? <Toaster richColors closeButton position="bottom-right" /> : null;
}
