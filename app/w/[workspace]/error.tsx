"use client";

import { AlertTriangle, RotateCw } from "lucide-react";
import { Button } from "@/components/ui/button";

/** A section that failed to render: say so, and offer to try again without leaving the shell. */
export default function SectionError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto mt-16 flex max-w-md flex-col items-center gap-3 text-center">
      <AlertTriangle className="size-6 text-destructive" aria-hidden="true" />
      <h1 className="text-lg font-semibold">This page ran into a problem</h1>
      <p className="text-sm text-muted-foreground">
        {error.message || "Something went wrong while showing this page."}
      </p>
      <Button onClick={reset}>
        <RotateCw aria-hidden="true" /> Try again
      </Button>
    </div>
  );
}
