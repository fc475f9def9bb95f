"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { AlarmClock } from "lucide-react";
import { useState, type ComponentProps } from "react";
import { Controller, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogTitle } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { snoozeFields, type SnoozeFields } from "@/lib/forms/schemas";
import { formatDateTime, fromLocalInput, toLocalInput, zoneLabel } from "@/lib/format/time";

/** The Snooze button (the menu's trigger). */
function SnoozeButton(props: ComponentProps<"button">) {
  return (
    <Button variant="outline" size="sm" {...props}>
      <AlarmClock aria-hidden="true" /> Snooze
    </Button>
  );
}

/** Local midnight + hour in the workspace's timezone, `days` from today. */
function at(days: number, hour: number, timezone: string): number {
  const today = toLocalInput(Math.floor(Date.now() / 1000), timezone).slice(0, 10);
  const base = fromLocalInput(`${today}T00:00`, timezone)!;
  return fromLocalInput(
    toLocalInput(base + days * 86_400 + 3_600 * 3, timezone).slice(0, 10) + `T${String(hour).padStart(2, "0")}:00`,
    timezone,
  )!;
}

function presets(timezone: string): { label: string; until: number }[] {
  const now = Math.floor(Date.now() / 1000);
  const weekday = new Intl.DateTimeFormat("en-US", { timeZone: timezone, weekday: "short" }).format(now * 1000);
  const toMonday = { Mon: 7, Tue: 6, Wed: 5, Thu: 4, Fri: 3, Sat: 2, Sun: 1 }[weekday] ?? 7;
  return [
    { label: "In 1 hour", until: now + 3_600 },
    { label: "In 4 hours", until: now + 4 * 3_600 },
    { label: "Tomorrow, 9:00", until: at(1, 9, timezone) },
    { label: "Next Monday, 9:00", until: at(toMonday, 9, timezone) },
    { label: "In one week", until: now + 7 * 86_400 },
  ];
}

export interface SnoozeMenuProps {
  timezone: string;
  onSnooze: (until: number) => void;
  disabled?: boolean;
  /** The menu's open state, owned by the page (S opens it). */
  open: boolean;
  onOpenChange: (open: boolean) => void;
}

/** Snooze until a preset time or a chosen one, in the workspace's timezone. */
export function SnoozeMenu({ timezone, onSnooze, disabled, open: menu, onOpenChange: setMenu }: SnoozeMenuProps) {
  const [custom, setCustom] = useState(false);
  const form = useForm<SnoozeFields>({ resolver: zodResolver(snoozeFields), defaultValues: { until: null } });
  const error = form.formState.errors.until?.message ?? null;
  const submit = form.handleSubmit(({ until }) => {
    if (until === null) return;
    onSnooze(until);
    setCustom(false);
  });
  return (
    <>
      <DropdownMenu open={menu} onOpenChange={setMenu}>
        <DropdownMenuTrigger asChild>
          <SnoozeButton disabled={disabled} />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuLabel>Snooze until ({zoneLabel(timezone)})</DropdownMenuLabel>
          {presets(timezone).map((p) => (
            <DropdownMenuItem key={p.label} onSelect={() => onSnooze(p.until)}>
              <span className="flex-1">{p.label}</span>
              <span className="text-xs text-muted-foreground">{formatDateTime(p.until, timezone)}</span>
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem
            onSelect={() => {
              form.reset({ until: Math.floor(Date.now() / 1000) + 86_400 });
              setCustom(true);
            }}
          >
            Choose a date and time…
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={custom} onOpenChange={setCustom}>
        <DialogContent>
          <DialogTitle>Snooze until</DialogTitle>
          <DialogDescription>It comes back on its own at that time ({timezone}).</DialogDescription>
          <form
            noValidate
            className="space-y-4"
            onSubmit={(e) => {
              e.stopPropagation();
              void submit(e);
            }}
          >
            <div className="space-y-1.5">
              <Label htmlFor="snooze-until">Date and time</Label>
              <Controller
                control={form.control}
                name="until"
                render={({ field }) => (
                  <Input
                    id="snooze-until"
                    type="datetime-local"
                    ref={field.ref}
                    name={field.name}
                    onBlur={field.onBlur}
                    value={field.value === null ? "" : toLocalInput(field.value, timezone)}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? "snooze-until-error" : undefined}
                    onChange={(e) => field.onChange(fromLocalInput(e.target.value, timezone))}
                  />
                )}
              />
              {error && (
                <p id="snooze-until-error" className="text-xs text-destructive">
                  {error}
                </p>
              )}
            </div>
            <DialogFooter>
              <Button variant="outline" onClick={() => setCustom(false)}>
                Cancel
              </Button>
              <Button type="submit">Snooze</Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
