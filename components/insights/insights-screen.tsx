"use client";

import { useQuery } from "@tanstack/react-query";
import { AlertCircle, RotateCw } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/cn";
import { today as todayIn } from "@/lib/insights/calendar";
import {
  daysBetween,
  defaultGranularity,
  loadRangeCheck,
  rangeDates,
  type RangeCheck,
} from "@/lib/insights/page-params";
import type { InsightsResult } from "@/lib/insights/types";
import { ApiError } from "@/lib/queries/fetcher";
import { insightsQuery, useRefreshInsights } from "@/lib/queries/insights";
import { ChartCard } from "./chart-card";
import { arrangeCharts, colourOrder } from "./chart-data";
import { InsightsControls, type ControlField } from "./insights-controls";
import { preloadChart } from "./lazy-chart";
import { useInsightsParams } from "./use-insights-params";

/** The custom-range check, loaded once a custom range is shown; null until then. */
function useRangeCheck(wanted: boolean): RangeCheck | null {
  const [check, setCheck] = useState<RangeCheck | null>(null);
  useEffect(() => {
    if (wanted && !check) void loadRangeCheck().then((loaded) => setCheck(() => loaded));
  }, [wanted, check]);
  return check;
}

/** Unix seconds, moving on every half minute. */
function useNow(): number {
  const [now, setNow] = useState(() => Math.floor(Date.now() / 1000));
  useEffect(() => {
    const timer = setInterval(() => setNow(Math.floor(Date.now() / 1000)), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

const FIELDS: ControlField[] = ["range", "from", "to", "split", "by"];
const dateWords = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const dayWords = (date: string) => dateWords.format(new Date(`${date}T00:00:00Z`));

function Summary({ result, refreshed }: { result: InsightsResult; refreshed: boolean }) {
  const { range } = result;
  const calls =
    result.calls === 0 ? "all from the cache" : `${result.calls} ${result.calls === 1 ? "call" : "calls"} to Intercom`;
  return (
    <p className="text-sm text-muted-foreground" aria-live="polite">
      {refreshed && "Refreshed: "}
      {dayWords(range.from)} – {dayWords(range.to)} ({range.days} {range.days === 1 ? "day" : "days"}, by{" "}
      {range.granularity}, times in {range.timezone}); {calls}.
    </p>
  );
}

/** The Insights page: the controls, then every chart the route answers, each a way into its records. */
export function InsightsScreen() {
  const ws = useWorkspace();
  const { params, set } = useInsightsParams();
  const now = useNow();
  const today = todayIn(ws.timezone, now * 1000);
  const check = useRangeCheck(params.range === "custom");
  // Custom dates wait for their check (null until it has loaded); presets need none.
  const dateErrors = params.range !== "custom" ? {} : check ? check(params.from ?? "", params.to ?? "") : null;
  const valid = dateErrors !== null && !dateErrors.from && !dateErrors.to;
  const query = useQuery(insightsQuery(ws.id, params, valid));
  // The charts' code and their numbers come in together, not one after the other.
  useEffect(preloadChart, []);
  const refresh = useRefreshInsights(ws.id, params);
  const { data, error, refetch } = query;

  // A chart with a part missing is asked for again once that part is tried again.
  const retryAt = Math.min(...(data?.charts.flatMap((c) => (c.missing?.retryAt ? [c.missing.retryAt] : [])) ?? []));
  useEffect(() => {
    if (!Number.isFinite(retryAt)) return;
    const wait = Math.max(1, retryAt - Date.now() / 1000 + 1) * 1000;
    const timer = setTimeout(() => void refetch(), Math.min(wait, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [retryAt, refetch]);

  const refusal = error instanceof ApiError && error.status === 400 ? (error.fields ?? {}) : null;
  const fieldErrors: Partial<Record<ControlField, string>> = {};
  if (valid && refusal) for (const f of FIELDS) if (refusal[f]) fieldErrors[f] = refusal[f];
  Object.assign(fieldErrors, dateErrors ?? {});
  const refusedElsewhere = refusal !== null && !FIELDS.some((f) => refusal[f]);

  const dates = data && !query.isPlaceholderData ? data.range : rangeDates(params, today);
  const days = daysBetween(dates.from, dates.to);
  const shown = valid && data ? data : null;
  const colours = useMemo(() => (shown ? colourOrder(shown.charts) : []), [shown]);

  return (
    <div className="space-y-4">
      <InsightsControls
        params={params}
        dates={dates}
        granularity={params.by ?? defaultGranularity(days)}
        defaultGranularity={defaultGranularity(days)}
        errors={fieldErrors}
        onChange={(change) => {
          refresh.reset();
          set(change);
        }}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        {shown ? <Summary result={shown} refreshed={refresh.isSuccess} /> : <span />}
        <Button
          variant="outline"
          size="sm"
          onClick={() => refresh.mutate()}
          disabled={!valid || query.isPending || refresh.isPending}
        >
          <RotateCw aria-hidden="true" className={cn(refresh.isPending && "animate-spin")} />
          {refresh.isPending ? "Refreshing…" : "Refresh"}
        </Button>
      </div>
      {refresh.error && (
        <Alert variant="destructive">
          <AlertCircle aria-hidden="true" />
          <p>Couldn&apos;t refresh: {refresh.error.message}</p>
        </Alert>
      )}
      {dateErrors === null ? (
        <Skeleton className="h-96" aria-label="Checking the dates" />
      ) : !valid ? (
        <p className="text-sm text-muted-foreground">Choose a range the charts can cover to see them.</p>
      ) : error && (!refusal || refusedElsewhere) && !query.isFetching ? (
        <Alert variant="destructive">
          <AlertCircle aria-hidden="true" />
          <div className="flex flex-1 flex-wrap items-center justify-between gap-2">
            <p>The insights could not be loaded: {error.message}</p>
            <Button size="sm" variant="outline" onClick={() => void refetch()}>
              <RotateCw aria-hidden="true" /> Try again
            </Button>
          </div>
        </Alert>
      ) : !shown ? (
        query.isPending || query.isFetching ? (
          <div className="grid gap-4 xl:grid-cols-2" aria-busy="true" aria-label="Loading the charts">
            {[0, 1, 2, 3].map((i) => (
              <Skeleton key={i} className="h-96" />
            ))}
          </div>
        ) : null
      ) : (
        <div
          className={cn("space-y-4 transition-opacity", query.isPlaceholderData && "opacity-60")}
          aria-busy={query.isFetching || refresh.isPending}
        >
          {arrangeCharts(shown.charts).map((row) => (
            <div key={row.map((c) => c.id).join("+")} className="grid gap-4 xl:grid-cols-2">
              {row.map((chart) => (
                <ChartCard
                  key={chart.id}
                  chart={chart}
                  ws={ws.id}
                  timeZone={shown.range.timezone}
                  granularity={shown.range.granularity}
                  range={shown.range}
                  now={now}
                  colourOrder={colours}
                />
              ))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
