"use client";

import { AlertTriangle, ArrowLeft, Eye, Play } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "@/lib/notify";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { BulkAction, Selection } from "@/lib/bulk/schemas";
import type { PreviewGroup, PreviewResult } from "@/lib/bulk/types";
import type { WorkspaceCatalog } from "@/lib/catalog/types";
import { ApiError } from "@/lib/queries/fetcher";
import { useCreateJob, usePreview } from "@/lib/queries/bulk";
import { ACTION_KINDS, ActionFields, emptyDraft, snoozeSeconds, type ActionDraft } from "./action-fields";

const numbers = new Intl.NumberFormat("en");

/** The draft as an action the server takes, or the fields still to fill in. */
function toAction(d: ActionDraft, timezone: string): { action: BulkAction } | { errors: Record<string, string> } {
  const need = (field: string, message: string) => ({ errors: { [field]: message } });
  switch (d.kind) {
    case "assign_admin":
      return d.adminId
        ? { action: { type: "assign_admin", admin_id: d.adminId } }
        : need("admin_id", "Choose a teammate");
    case "assign_team":
      return d.teamId ? { action: { type: "assign_team", team_id: d.teamId } } : need("team_id", "Choose a team");
    case "unassign":
      return { action: { type: "unassign" } };
    case "state": {
      const [kind, value] = d.state.split(":");
      if (kind === "category")
        return {
          action: {
            type: "set_state_category",
            category: value as "submitted" | "in_progress" | "waiting_on_customer" | "resolved",
          },
        };
      if (kind === "state") return { action: { type: "set_state", state_id: value } };
      return need("state_id", "Choose a state");
    }
    case "close":
      return { action: { type: "close" } };
    case "reopen":
      return { action: { type: "reopen" } };
    case "snooze": {
      const until = snoozeSeconds(d.snoozeUntil, timezone);
      if (until === null) return need("until", "Choose a date and time");
      if (until <= Date.now() / 1000) return need("until", "Choose a time in the future");
      return { action: { type: "snooze", until } };
    }
    case "share":
      return { action: { type: "set_shared", shared: true } };
    case "unshare":
      return { action: { type: "set_shared", shared: false } };
    case "add_tag":
    case "remove_tag":
      return d.tagId ? { action: { type: d.kind, tag_id: d.tagId } } : need("tag_id", "Choose a tag");
    case "set_attribute":
      if (!d.attribute) return need("name", "Choose an attribute");
      if (d.value === undefined || (typeof d.value === "number" && Number.isNaN(d.value)))
        return need("value", "Enter a value");
      return { action: { type: "set_attribute", name: d.attribute, value: d.value } };
    case "change_type": {
      if (!d.typeId) return need("ticket_type_id", "Choose a ticket type");
      const attributes = Object.fromEntries(
        Object.entries(d.typeAttributes).filter(
          (e): e is [string, string | number | boolean] => e[1] !== undefined && e[1] !== null && e[1] !== "",
        ),
      );
      return {
        action: {
          type: "change_type",
          ticket_type_id: d.typeId,
          ...(d.typeStateId ? { ticket_state_id: d.typeStateId } : {}),
          ...(Object.keys(attributes).length ? { attributes } : {}),
        },
      };
    }
    case "delete":
      return { action: { type: "delete" } };
  }
}

function Groups({ title, groups }: { title: string; groups: PreviewGroup[] }) {
  const total = groups.reduce((n, g) => n + g.count, 0);
  if (total === 0) return null;
  return (
    <section aria-label={title} className="space-y-1.5">
      <h3 className="text-sm font-medium">
        {title}: {numbers.format(total)} skipped
      </h3>
      <ul className="space-y-1 text-sm">
        {groups.map((g) => (
          <li key={g.reason} className="flex flex-wrap items-baseline gap-x-2">
            <span className="tabular-nums font-medium">{numbers.format(g.count)}</span>
            <span>{g.reason}</span>
            <span className="text-xs text-muted-foreground">e.g. {g.examples.map((n) => `#${n}`).join(", ")}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface Props {
  workspace: string;
  timezone: string;
  catalog: WorkspaceCatalog;
  count: number;
  selection: () => Selection;
  onClose: () => void;
  onStarted: () => void;
}

/**
 * A bulk action in two steps: choose it (with what it needs), then see what it would do to
 * every selected ticket (a dry run: will change, already done, cannot, by reason) and run it.
 */
export function BulkDialog({ workspace, timezone, catalog, count, selection, onClose, onStarted }: Props) {
  const router = useRouter();
  const id = useId();
  const [draft, setDraft] = useState<ActionDraft>(emptyDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [planned, setPlanned] = useState<{ action: BulkAction; selection: Selection; preview: PreviewResult } | null>(
    null,
  );
  const [confirm, setConfirm] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const preview = usePreview(workspace);
  const create = useCreateJob(workspace);
  const set = (patch: Partial<ActionDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors({});
    setFailure(null);
  };
  const refused = (e: Error) => {
    if (e instanceof ApiError && e.fields) setErrors(e.fields);
    setFailure(e.message);
  };

  const runPreview = () => {
    const built = toAction(draft, timezone);
    if ("errors" in built) return setErrors(built.errors);
    const sel = selection();
    preview.mutate(
      { selection: sel, action: built.action },
      { onSuccess: (p) => setPlanned({ action: built.action, selection: sel, preview: p }), onError: refused },
    );
  };
  const run = () => {
    if (!planned) return;
    const isDelete = planned.action.type === "delete";
    if (isDelete && confirm.trim() !== String(planned.preview.willChange))
      return setErrors({ confirm: `Type ${planned.preview.willChange} to confirm` });
    create.mutate(
      { selection: planned.selection, action: planned.action, ...(isDelete ? { confirm: confirm.trim() } : {}) },
      {
        onSuccess: (job) => {
          toast.success(`${job.label}: started on ${numbers.format(job.total)} tickets`);
          onStarted();
          router.push(`/w/${workspace}/jobs/${job.id}`);
        },
        onError: (e) => {
          refused(e);
          if (!(e instanceof ApiError && e.fields?.confirm)) setPlanned(null);
        },
      },
    );
  };

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-h-[calc(100dvh-2rem)] w-[min(40rem,calc(100vw-2rem))] overflow-y-auto">
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
          <form
            noValidate
            className="space-y-4"
            onSubmit={(e) => {
              e.preventDefault();
              runPreview();
            }}
          >
            <div className="space-y-1.5">
              <Label htmlFor={`${id}-kind`} className="block">
                Action
              </Label>
              <NativeSelect
                id={`${id}-kind`}
                className="w-full"
                value={draft.kind}
                onChange={(e) => set({ kind: e.target.value as ActionDraft["kind"] })}
              >
                {ACTION_KINDS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <ActionFields draft={draft} set={set} catalog={catalog} timezone={timezone} errors={errors} />
            {errors.selection && <p className="text-xs text-destructive">{errors.selection}</p>}
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
            <dl className="grid grid-cols-3 gap-2 text-center">
              {[
                ["Will change", planned.preview.willChange],
                ["Already done", planned.preview.satisfied.reduce((n, g) => n + g.count, 0)],
                ["Cannot", planned.preview.cannot.reduce((n, g) => n + g.count, 0)],
              ].map(([label, n]) => (
                <div key={label} className="rounded-md border p-2">
                  <dt className="text-xs text-muted-foreground">{label}</dt>
                  <dd className="text-xl font-semibold tabular-nums">{numbers.format(n as number)}</dd>
                </div>
              ))}
            </dl>
            <Groups title="Already done" groups={planned.preview.satisfied} />
            <Groups title="Cannot take this action" groups={planned.preview.cannot} />
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
                    setErrors({});
                  }}
                  aria-invalid={errors.confirm ? true : undefined}
                  aria-describedby={errors.confirm ? `${id}-confirm-e` : undefined}
                />
                {errors.confirm && (
                  <p id={`${id}-confirm-e`} className="text-xs text-destructive">
                    {errors.confirm}
                  </p>
                )}
              </div>
            )}
            <DialogFooter>
              <Button variant="outline" onClick={() => setPlanned(null)}>
                <ArrowLeft aria-hidden="true" /> Back
              </Button>
              <Button
                type="submit"
                variant={planned.action.type === "delete" ? "destructive" : "default"}
                disabled={create.isPending || planned.preview.willChange === 0}
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
