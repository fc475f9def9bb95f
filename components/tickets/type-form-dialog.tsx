"use client";

import { AlertTriangle } from "lucide-react";
import type { FormEvent, ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { cn } from "@/lib/cn";

/** The dialog around a ticket-type form (changing a type, converting a conversation): the refusal, the fields, Cancel and submit. */
export function TypeFormDialog({
  title,
  description,
  className,
  refusal,
  pending,
  submitLabel,
  pendingLabel,
  onSubmit,
  onClose,
  children,
}: {
  title: ReactNode;
  description: ReactNode;
  className?: string;
  refusal: string | null;
  pending: boolean;
  submitLabel: string;
  pendingLabel: string;
  /** The form's submit (react-hook-form's handleSubmit), given the event. */
  onSubmit: (e: FormEvent<HTMLFormElement>) => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className={cn("max-h-[calc(100dvh-2rem)] overflow-y-auto", className)}>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>{description}</DialogDescription>
        <form
          noValidate
          className="space-y-5"
          onSubmit={(e) => {
            // The page's other forms are above this dialog in React's tree: the submit is this form's alone.
            e.stopPropagation();
            void onSubmit(e);
          }}
        >
          {refusal && (
            <Alert variant="destructive">
              <AlertTriangle aria-hidden="true" />
              <p>{refusal}</p>
            </Alert>
          )}
          {children}
          <DialogFooter>
            <Button variant="outline" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? pendingLabel : submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
