"use client";

import { AlertTriangle, ArrowLeft, Eye, Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { toast } from "@/lib/notify";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { Selection } from "@/lib/bulk/schemas";
import type { PreviewResult } from "@/lib/bulk/types";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import type { BulkTicketChange } from "@/lib/changes/schema";
import { whyUnavailable } from "@/lib/intercom/versions";
import { ApiError } from "@/lib/queries/fetcher";
import { useCreateJob, usePreview } from "@/lib/queries/bulk";
import { ACTION_KINDS, bulkResolver, draftFor, formField, type ActionKind, type BulkDraft } from "./action-form";
import { ActionFields } from "./action-fields";
import { PreviewSummary, StatesTable } from "./preview-panel";

const numbers = new Intl.NumberFormat("en");

interface Props {
  workspace: string;
  timezone: string;
  catalog: WorkspaceCatalog;
  count: number;
  selection: () => Selection;
  onClose: () => void;
  onStarted: () => void;
}

interface Planned {
  action: BulkTicketChange;
  selection: Selection;
  preview: PreviewResult;
}

/**
 * A bulk change in two steps: choose it (with what it needs, checked with the route's
 * schema), then see what it would do to every selected ticket (a dry run: what each becomes,
 * already done, cannot, by reason; states chosen per ticket type) and run it.
 */
export function BulkDialog({ workspace, timezone, catalog, count, selection, onClose, onStarted }: Props) {
  const router = useRouter();
  const id = useId();
  // A version without change_type leaves it out of the list and says why beside it.
  const changeTypeWhy = whyUnavailable("changeType", useWorkspace().intercomVersion);
  const kinds = ACTION_KINDS.filter(([k]) => k !== "change_type" || !changeTypeWhy);
  const [kind, setKind] = useState<ActionKind>("assign_admin");
  const form = useForm<BulkDraft, unknown, BulkTicketChange>({
    resolver: bulkResolver,
    defaultValues: draftFor("assign_admin"),
  });
  const draft = useWatch({ control: form.control }) as BulkDraft;
  const [planned, setPlanned] = useState<Planned | null>(null);
  const [confirm, setConfirm] = useState("");
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const preview = usePreview(workspace);
  const create = useCreateJob(workspace);

  const errors: Partial<Record<keyof BulkDraft | "root", string>> = Object.fromEntries(
    Object.entries(form.formState.errors).map(([k, e]) => [k, (e as { message?: string })?.message ?? ""]),
  );
  const set = (patch: Partial<BulkDraft>) => {
    for (const [k, v] of Object.entries(patch)) form.setValue(k as keyof BulkDraft, v as never);
    form.clearErrors();
    setFailure(null);
  };
  const refused = (e: Error) => {
    if (e instanceof ApiError && e.fields) {
      for (const [key, message] of Object.entries(e.fields)) {
        if (key === "confirm") setConfirmError(message);
        else if (key !== "selection") form.setError(formField(key), { message });
      }
    }
    setFailure(e.message);
  };

  const runPreview = form.handleSubmit((action) => {
    const sel = planned?.selection ?? selection();
    preview.mutate(
      { selection: sel, action },
      {
        onSuccess: (p) => {
          setFailure(null);
          setPlanned({ action, selection: sel, preview: p });
        },
        onError: refused,
      },
    );
  });
  const chooseState = (typeId: string, stateId: string) => {
    const states = { ...form.getValues("states") };
    if (stateId) states[typeId] = stateId;
    else delete states[typeId];
    form.setValue("states", states);
    void runPreview();
  };
  const run = () => {
    if (!planned) return;
    const isDelete = planned.action.type === "delete";
    if (isDelete && confirm.trim() !== String(planned.preview.willChange))
      return setConfirmError(`Type ${planned.preview.willChange} to confirm`);
    create.mutate(
      { selection: planned.selection, action: planned.action, ...(isDelete ? { confirm: confirm.trim() } : {}) },
      {
        onSuccess: (job) => {
          toast.success(`${job.label}: started on ${numbers.format(job.total)} tickets`);
          onStarted();
          router.push(`/w/${workspace}/jobs/${job.id}`);
        },
        // The preview stays: the lead reads why, and can run it again.
        onError: refused,
      },
    );
  };

  const perType = planned && (planned.action.type === "set_state" || planned.action.type === "change_type");
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] w-[min(44rem,calc(100vw-2rem))] overflow-y-auto">
        <DialogTitle>
          {planned ? `Preview: ${planned.preview.label}` : `Bulk action on ${numbers.format(count)} tickets`}
        </DialogTitle>
        <DialogDescription>
          {planned
            ? "Nothing has changed yet. This is what the job will do, ticket by ticket, as they are now."
            : "Choose what to do. You will see what it does to each ticket before anything changes."}
        </DialogDescription>
        {failure && (
          <Alert variant="destructive">
            <AlertTriangle aria-hidden="true" />
            <p>{failure}</p>
          </Alert>
        )}
        {!planned ? (
          <form noValidate className="space-y-4" onSubmit={runPreview}>
            <div className="space-y-1.5">
              <Label htmlFor={`${id}-kind`} className="block">
                Action
              </Label>
              <NativeSelect
                id={`${id}-kind`}
                aria-describedby={changeTypeWhy ? `${id}-kind-note` : undefined}
                className="w-full"
                value={kind}
                onChange={(e) => {
                  const next = e.target.value as ActionKind;
                  setKind(next);
                  form.reset(draftFor(next));
                  setFailure(null);
                }}
              >
                {kinds.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </NativeSelect>
              {changeTypeWhy && (
                <p id={`${id}-kind-note`} role="note" className="text-xs text-muted-foreground">
                  {changeTypeWhy}
                </p>
              )}
            </div>
            <ActionFields key={kind} draft={draft} set={set} catalog={catalog} timezone={timezone} errors={errors} />
            {errors.root && <p className="text-xs text-destructive">{errors.root}</p>}
            <DialogFooter>
              <Button variant="outline" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" disabled={preview.isPending}>
                <Eye aria-hidden="true" /> {preview.isPending ? "Checking every ticket…" : "Preview"}
              </Button>
            </DialogFooter>
          </form>
        ) : (
          <form
            noValidate
            className="space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              run();
            }}
          >
            {perType && (
              <StatesTable
                preview={planned.preview}
                catalog={catalog}
                targetTypeId={planned.action.type === "change_type" ? planned.action.ticket_type_id : null}
                states={draft.states ?? {}}
                onChange={chooseState}
                disabled={preview.isPending}
              />
            )}
            <div aria-busy={preview.isPending}>
              <PreviewSummary preview={planned.preview} />
            </div>
            {planned.action.type === "delete" && (
              <div className="space-y-2">
                <Alert variant="destructive">
                  <AlertTriangle aria-hidden="true" />
                  <p>Deleting cannot be undone: the tickets and their history are gone from Intercom.</p>
                </Alert>
                <Label htmlFor={`${id}-confirm`} className="block">
                  Type {planned.preview.willChange} to confirm
                </Label>
                <Input
                  id={`${id}-confirm`}
                  autoComplete="off"
                  inputMode="numeric"
                  value={confirm}
                  onChange={(e) => {
                    setConfirm(e.target.value);
                    setConfirmError(null);
                  }}
                  aria-invalid={confirmError ? true : undefined}
                  aria-describedby={confirmError ? `${id}-confirm-e` : undefined}
                />
                {confirmError && (
                  <p id={`${id}-confirm-e`} className="text-xs text-destructive">
                    {confirmError}
                  </p>
                )}
              </div>
            )}
            <DialogFooter>
              <Button
                variant="outline"
                onClick={() => {
                  setPlanned(null);
                  setFailure(null);
                }}
              >
                <ArrowLeft aria-hidden="true" /> Back
              </Button>
              <Button
                type="submit"
                variant={planned.action.type === "delete" ? "destructive" : "default"}
                disabled={create.isPending || preview.isPending || planned.preview.willChange === 0}
              >
                <Play aria-hidden="true" />{" "}
                {create.isPending ? "Starting…" : `Run on ${numbers.format(planned.preview.willChange)} tickets`}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
