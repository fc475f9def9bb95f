"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import {
  AUDIT_ACTIONS,
  AUDIT_RECORD_TYPES,
  auditFilterForm,
  RECORD_TYPE_LABELS,
  type AuditFilterValues,
} from "@/lib/audit/schema";

type Field = keyof AuditFilterValues;

const FAMILIES = [...new Set(AUDIT_ACTIONS.map((a) => a.split(".")[0]))];

interface Props {
  initial: Record<string, string>;
  onApply: (values: AuditFilterValues) => void;
  /** Server-side field errors of the current filters, shown beside their fields. */
  serverErrors?: Record<string, string>;
}

/** Person, action, record and time range: checked with the schema the route parses the URL with. */
export function AuditFilters({ initial, onApply, serverErrors }: Props) {
  const empty: AuditFilterValues = { actor: "", action: "", recordType: "", recordId: "", from: "", to: "" };
  const { register, handleSubmit, formState, reset } = useForm<AuditFilterValues>({
    resolver: zodResolver(auditFilterForm),
    defaultValues: { ...empty, ...initial },
  });
  const error = (name: Field) => formState.errors[name]?.message ?? serverErrors?.[name];
  const field = (name: Field, label: string, control: React.ReactNode) => {
    const message = error(name);
    return (
      <div className="flex min-w-0 flex-col gap-1.5">
        <Label htmlFor={`audit-${name}`}>{label}</Label>
        {control}
        {message && (
          <p id={`audit-${name}-error`} className="text-xs text-destructive">
            {message}
          </p>
        )}
      </div>
    );
  };
  const aria = (name: Field) => ({
    id: `audit-${name}`,
    "aria-invalid": error(name) ? true : undefined,
    "aria-describedby": error(name) ? `audit-${name}-error` : undefined,
  });
  return (
    <form
      noValidate
      aria-label="Filter the audit log"
      className="grid grid-cols-1 gap-3 rounded-lg border bg-card p-3 sm:grid-cols-2 lg:grid-cols-3 2xl:grid-cols-6"
      onSubmit={handleSubmit(onApply)}
    >
      {field(
        "actor",
        "Person",
        <Input
          type="text"
          inputMode="email"
          autoComplete="off"
          placeholder="Email address"
          {...aria("actor")}
          {...register("actor")}
        />,
      )}
      {field(
        "action",
        "Action",
        <NativeSelect className="w-full" {...aria("action")} {...register("action")}>
          <option value="">Any action</option>
          {FAMILIES.map((family) => (
            <optgroup key={family} label={family}>
              <option value={family}>Any {family} action</option>
              {AUDIT_ACTIONS.filter((a) => a.startsWith(`${family}.`)).map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </optgroup>
          ))}
        </NativeSelect>,
      )}
      {field(
        "recordType",
        "Record",
        <NativeSelect className="w-full" {...aria("recordType")} {...register("recordType")}>
          <option value="">Any record</option>
          {AUDIT_RECORD_TYPES.map((t) => (
            <option key={t} value={t}>
              {RECORD_TYPE_LABELS[t]}
            </option>
          ))}
        </NativeSelect>,
      )}
      {field(
        "recordId",
        "Record id",
        <Input type="text" autoComplete="off" placeholder="Any" {...aria("recordId")} {...register("recordId")} />,
      )}
      {field("from", "From", <Input type="date" {...aria("from")} {...register("from")} />)}
      {field("to", "To", <Input type="date" {...aria("to")} {...register("to")} />)}
      <div className="flex items-end justify-end gap-2 sm:col-span-2 lg:col-span-3 2xl:col-span-6">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="outline"
          onClick={() => {
            reset(empty);
            onApply(empty);
          }}
        >
          Clear
        </Button>
      </div>
    </form>
  );
}
