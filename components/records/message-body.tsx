"use client";

import { ImageOff } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { hasInsecureImages, showRemoteImages } from "@/lib/records/remote-images";
import { HtmlBody } from "./html-body";

const list = new Intl.ListFormat("en", { type: "conjunction" });

/**
 * A message body whose remote images the server held back (lib/records/sanitize.ts). They
 * load only when the lead asks, for this message alone: an image fetched from the sender's
 * host tells them when the message was read, and from which address. A timeline keeps
 * `shown` itself (`onShow` is called on the click), so a message scrolled out of a long
 * timeline and back keeps its images; on its own the body keeps it.
 */
export function MessageBody({
  html,
  imageHosts,
  shown: held,
  onShow,
}: {
  html: string;
  imageHosts: string[];
  shown?: boolean;
  onShow?: () => void;
}) {
  const [own, setOwn] = useState(false);
  const shown = held ?? own;
  const noteId = useId();
  const done = useRef<HTMLParagraphElement>(null);
  const pressed = useRef(false);
  // The button goes away once pressed: keyboard focus moves to what replaced it (not when a shown message mounts again).
  useEffect(() => {
    if (shown && pressed.current) done.current?.focus();
    pressed.current = false;
  }, [shown]);
  const show = () => {
    pressed.current = true;
    setOwn(true);
    onShow?.();
  };
  if (imageHosts.length === 0) return <HtmlBody html={html} />;
  const sites = list.format(imageHosts);
  return (
    <>
      {shown ? (
        <p ref={done} tabIndex={-1} className="mb-2 text-xs text-muted-foreground outline-none">
          Images from {sites} are shown.
          {hasInsecureImages(html) && " Those sent over plain http stay blocked."}
        </p>
      ) : (
        <div className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-md border border-dashed bg-muted/50 px-3 py-2 text-xs text-muted-foreground">
          <ImageOff className="size-4 shrink-0" aria-hidden="true" />
          <p id={noteId} className="min-w-0 flex-1">
            Images from {sites} are hidden to protect your privacy: loading them tells the sender when and from where
            this message was read.
          </p>
          <Button variant="outline" size="sm" aria-describedby={noteId} onClick={show}>
            {imageHosts.length === 1
              ? `Load images from ${imageHosts[0]}`
              : `Load images from ${imageHosts.length} sites`}
          </Button>
        </div>
      )}
      <HtmlBody html={shown ? showRemoteImages(html) : html} />
    </>
  );
}
