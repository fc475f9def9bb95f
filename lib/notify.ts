"use client";

/**
 * Toasts, loaded with the first one: the toast library is not part of any page's first
 * download. The same calls as sonner's `toast` that the dashboard uses.
 */
type Sonner = typeof import("sonner");
let loading: Promise<Sonner> | null = null;
export const loadSonner = (): Promise<Sonner> => (loading ??= import("sonner"));

const send = (kind: "success" | "error" | "info", message: string) =>
  void loadSonner().then((m) => m.toast[kind](message));

export const toast = {
  success: (message: string) => send("success", message),
  error: (message: string) => send("error", message),
  info: (message: string) => send("info", message),
};
