"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { cn } from "@/lib/cn";
import { loadRangeCheck, type InsightsParams, type RangeErrors } from "@/lib/insights/page-params";
import type { Granularity, InsightRange, InsightSplit } from "@/lib/insights/types";
import type { InsightsUrlChange } from "./use-insights-params";

const RANGES: { value: InsightRange; label: string }[] = [
  { value: "7", label: "Last 7 days" },
  { value: "30", label: "Last 30 days" },
  { value: "90", label: "Last 90 days" },
  { value: "custom", label: "Custom range" },
];

const SPLITS: { value: InsightSplit; label: string }[] = [
  { value: "none", label: "None" },
  { value: "team", label: "Team" },
  { value: "teammate", label: "Teammate" },
  { value: "type", label: "Ticket type" },
];

export type ControlField = "range" | "from" | "to" | "split" | "by";

interface Props {
  params: InsightsParams;
  /** The dates the view covers now: what Custom starts from. */
  dates: { from: string; to: string };
  granularity: Granularity;
  defaultGranularity: Granularity;
  /** Errors to show beside the fields: the URL's own dates, or the route's refusal. */
  errors: Partial<Record<ControlField, string>>;
  onChange: (change: InsightsUrlChange) => void;
}

function Field({
  id,
  label,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn("flex min-w-0 flex-col gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {error && (
        <p id={`${id}-error`} className="max-w-56 text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}

const invalid = (id: string, error: string | undefined) => ({
  id,
  "aria-invalid": error ? true : undefined,
  "aria-describedby": error ? `${id}-error` : undefined,
});

/**
 * Range (7, 30 or 90 days, or two dates in the workspace's timezone), split, and day or week.
 * Each change goes to the URL; custom dates go there only once they make a range.
 */
export function InsightsControls(props: Props) {
  const { params, dates, granularity, errors, onChange } = props;
  return (
    <div
      role="group"
      aria-label="What the charts show"
      className="flex flex-wrap items-start gap-3 rounded-lg border bg-card p-3"
    >
      <Field id="insights-range" label="Range" error={errors.range}>
        <NativeSelect
          className="w-40"
          value={params.range}
          {...invalid("insights-range", errors.range)}
          onChange={(e) => {
            const range = e.target.value as InsightRange;
            if (range === "custom") onChange({ range, from: dates.from, to: dates.to });
            else onChange({ range, from: null, to: null });
          }}
        >
          {RANGES.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </NativeSelect>
      </Field>
      {params.range === "custom" && (
        <CustomDates
          key={`${params.from}|${params.to}`}
          from={params.from ?? ""}
          to={params.to ?? ""}
          errors={{ from: errors.from, to: errors.to }}
          onApply={(from, to) => onChange({ range: "custom", from, to })}
        />
      )}
      <Field id="insights-split" label="Split by" error={errors.split}>
        <NativeSelect
          className="w-36"
          value={params.split}
          {...invalid("insights-split", errors.split)}
          onChange={(e) => onChange({ split: e.target.value as InsightSplit })}
        >
          {SPLITS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field id="insights-by" label="Group by" error={errors.by}>
        <NativeSelect
          className="w-28"
          value={granularity}
          {...invalid("insights-by", errors.by)}
          onChange={(e) => {
            const by = e.target.value as Granularity;
            onChange({ by: by === props.defaultGranularity ? null : by });
          }}
        >
          <option value="day">Day</option>
          <option value="week">Week</option>
        </NativeSelect>
      </Field>
    </div>
  );
}

/** Two dates and Apply: a range the route would refuse is shown beside its field and not sent. */
function CustomDates({
  from: initialFrom,
  to: initialTo,
  errors,
  onApply,
}: {
  from: string;
  to: string;
  errors: RangeErrors;
  onApply: (from: string, to: string) => void;
}) {
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  const [checked, setChecked] = useState<RangeErrors | null>(null);
  const shown = checked ?? errors;
  return (
    <form
      noValidate
      aria-label="Custom range"
      className="flex flex-wrap items-start gap-3"
      onSubmit={async (e) => {
        e.preventDefault();
        const found = (await loadRangeCheck())(from, to);
        setChecked(found);
        if (!found.from && !found.to) onApply(from, to);
      }}
    >
      <Field id="insights-from" label="From" error={shown.from}>
        <Input
          type="date"
          className="w-40"
          value={from}
          {...invalid("insights-from", shown.from)}
          onChange={(e) => setFrom(e.target.value)}
        />
      </Field>
      <Field id="insights-to" label="To" error={shown.to}>
        <Input
          type="date"
          className="w-40"
          value={to}
          {...invalid("insights-to", shown.to)}
          onChange={(e) => setTo(e.target.value)}
        />
      </Field>
      <div className="flex flex-col gap-1.5">
        <span aria-hidden="true" className="text-sm leading-none">
          &nbsp;
        </span>
        <Button type="submit" variant="secondary">
          Apply
        </Button>
      </div>
    </form>
  );
}
