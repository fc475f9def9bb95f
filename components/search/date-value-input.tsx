"use client";

import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { fromLocalInput, toLocalInput, zoneLabel } from "@/lib/format/time";
import type { FilterValue } from "@/lib/search/model";

const UNITS = [
  { key: "minutes", seconds: 60 },
  { key: "hours", seconds: 3_600 },
  { key: "days", seconds: 86_400 },
  { key: "weeks", seconds: 604_800 },
] as const;

function splitRelative(seconds: number): { amount: number; unit: (typeof UNITS)[number]["key"]; past: boolean } {
  const abs = Math.abs(seconds);
  // Whole days read best ("7 days ago", not "1 weeks ago"); hours and minutes for shorter spans.
  const unit = [UNITS[2], UNITS[1], UNITS[0]].find((u) => abs % u.seconds === 0 && abs >= u.seconds) ?? UNITS[0];
  return { amount: abs / unit.seconds, unit: unit.key, past: seconds <= 0 };
}

interface Props {
  value: FilterValue;
  onChange: (value: FilterValue) => void;
  timezone: string;
  /** Contact search compares whole days, so it takes a date without a time. */
  dayOnly: boolean;
  label: string;
  invalid?: boolean;
}

/**
 * A date filter's value: a moment shown in the workspace's timezone (sent as Unix
 * seconds), or a span relative to when the search runs ("3 days ago"), which keeps a saved
 * view meaningful over time.
 */
export function DateValueInput({ value, onChange, timezone, dayOnly, label, invalid }: Props) {
  const relative = typeof value === "object" && value !== null && "relative" in value ? value.relative : null;
  const absolute = typeof value === "number" ? value : null;
  const mode = relative !== null ? "relative" : "absolute";

  return (
    <div className="flex min-w-0 flex-wrap items-center gap-2">
      <Select
        value={mode}
        onValueChange={(m) => {
          if (m === mode) return;
          onChange(
            m === "relative" ? { relative: -7 * 86_400 } : (absolute ?? Math.floor(Date.now() / 1000) - 7 * 86_400),
          );
        }}
      >
        <SelectTrigger className="w-40" aria-label={`${label}: kind of date`}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value="absolute">{dayOnly ? "A date" : "A date and time"}</SelectItem>
          <SelectItem value="relative">Relative to now</SelectItem>
        </SelectContent>
      </Select>
      {mode === "absolute" ? (
        <span className="flex items-center gap-1.5">
          <Input
            type={dayOnly ? "date" : "datetime-local"}
            className="w-52"
            aria-label={`${label} (${zoneLabel(timezone)})`}
            aria-invalid={invalid || undefined}
            value={
              absolute === null
                ? ""
                : dayOnly
                  ? toLocalInput(absolute, timezone).slice(0, 10)
                  : toLocalInput(absolute, timezone)
            }
            onChange={(e) => {
              const ts = fromLocalInput(e.target.value, timezone);
              if (ts !== null) onChange(ts);
            }}
          />
          <span className="text-xs text-muted-foreground">{zoneLabel(timezone)}</span>
        </span>
      ) : (
        <RelativeInput
          seconds={relative ?? -7 * 86_400}
          onChange={(s) => onChange({ relative: s })}
          label={label}
          invalid={invalid}
        />
      )}
    </div>
  );
}

function RelativeInput({
  seconds,
  onChange,
  label,
  invalid,
}: {
  seconds: number;
  onChange: (s: number) => void;
  label: string;
  invalid?: boolean;
}) {
  const { amount, unit, past } = splitRelative(seconds);
  const size = UNITS.find((u) => u.key === unit)!.seconds;
  const emit = (a: number, u: number, p: boolean) => onChange((p ? -1 : 1) * Math.max(0, Math.round(a)) * u);
  return (
    <span className="flex items-center gap-1.5">
      <Input
        type="number"
        min={0}
        className="w-20"
        aria-label={`${label}: how many`}
        aria-invalid={invalid || undefined}
        value={amount}
        onChange={(e) => emit(Number(e.target.value), size, past)}
      />
      <Select value={unit} onValueChange={(u) => emit(amount, UNITS.find((x) => x.key === u)!.seconds, past)}>
        <SelectTrigger className="w-28" aria-label={`${label}: unit`}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          {UNITS.map((u) => (
            <SelectItem key={u.key} value={u.key}>
              {u.key}
            </SelectItem>
          ))}
        </SelectContent>
      </Select>
      <Select value={past ? "ago" : "ahead"} onValueChange={(d) => emit(amount, size, d === "ago")}>
        <SelectTrigger className="w-28" aria-label={`${label}: direction`}>
          <SelectValue />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value="ago">ago</SelectItem>
          <SelectItem value="ahead">from now</SelectItem>
        </SelectContent>
      </Select>
    </span>
  );
}
