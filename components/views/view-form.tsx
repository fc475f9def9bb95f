"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Controller, useForm } from "react-hook-form";
import * as z from "zod/mini";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { applyServerErrors } from "@/lib/forms/server-errors";
import { viewName, viewShared } from "@/lib/views/schemas";

const schema = z.object({ name: viewName, shared: viewShared });
export type ViewFormValues = z.infer<typeof schema>;

interface Props {
  initial: ViewFormValues;
  /** Offer the "shared" switch (saving); renaming keeps sharing as it is. */
  withShared: boolean;
  submitLabel: string;
  onSubmit: (values: ViewFormValues) => Promise<unknown>;
  onCancel: () => void;
}

/**
 * A view's name (and sharing): checked with the same schema the server uses, and the
 * server's field errors land beside the same fields. Loaded only when a dialog opens.
 */
export function ViewForm({ initial, withShared, submitLabel, onSubmit, onCancel }: Props) {
  const form = useForm<ViewFormValues>({ resolver: zodResolver(schema), defaultValues: initial });
  const { register, handleSubmit, control, formState } = form;
  const nameError = formState.errors.name?.message;
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={handleSubmit(async (values) => {
        try {
          await onSubmit(values);
        } catch (e) {
          applyServerErrors(form, e);
        }
      })}
    >
      <div className="space-y-1.5">
        <Label htmlFor="view-name">Name</Label>
        <Input
          id="view-name"
          autoComplete="off"
          aria-invalid={nameError ? true : undefined}
          aria-describedby={nameError ? "view-name-error" : undefined}
          {...register("name")}
        />
        {nameError && (
          <p id="view-name-error" className="text-xs text-destructive">
            {nameError}
          </p>
        )}
      </div>
      {withShared && (
        <div className="flex items-center justify-between gap-3 rounded-md border px-3 py-2">
          <Label htmlFor="view-shared" className="font-normal">
            Share with everyone in this workspace
          </Label>
          <Controller
            control={control}
            name="shared"
            render={({ field }) => <Switch id="view-shared" checked={field.value} onCheckedChange={field.onChange} />}
          />
        </div>
      )}
      {formState.errors.root?.server && (
        <p role="alert" className="text-sm text-destructive">
          {formState.errors.root.server.message}
        </p>
      )}
      <DialogFooter>
        <Button variant="outline" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Saving…" : submitLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}
