"use client";

import { AlertTriangle, FileImage, FileSpreadsheet, Table2 } from "lucide-react";
import { useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format/time";
import type { Chart, Granularity } from "@/lib/insights/types";
import { toast } from "@/lib/notify";
import { computedWords, retryWords } from "./chart-data";
import { ChartTable } from "./chart-table";
import { LazyChart } from "./lazy-chart";

interface Props {
  chart: Chart;
  ws: string;
  timeZone: string;
  granularity: Granularity;
  range: { from: string; to: string };
  /** Unix seconds, ticking, so "Computed 3 minutes ago" stays true. */
  now: number;
  /** The page's teams, teammates and types in colour order, so each has one colour everywhere. */
  colourOrder: string[];
}

/**
 * One chart: its title, how fresh it is and its note; the chart, or the same numbers as a
 * table; CSV and PNG exports. A part that could not be computed shows what is missing and
 * when it is tried again, never a half-drawn chart.
 */
export function ChartCard({ chart, ws, timeZone, granularity, range, now, colourOrder }: Props) {
  const titleId = useId();
  const [table, setTable] = useState(false);
  const [busy, setBusy] = useState<"csv" | "png" | null>(null);
  const svg = useRef<SVGSVGElement>(null);

  const exportAs = async (kind: "csv" | "png") => {
    setBusy(kind);
    try {
      const exports = await import("./export");
      if (kind === "csv") exports.downloadCsv(chart, timeZone, range);
      else if (svg.current) await exports.downloadPng(svg.current, chart, range, colourOrder);
      else throw new Error("The chart is still loading.");
    } catch (e) {
      toast.error(`Couldn't export ${chart.title}: ${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card aria-labelledby={titleId} className="min-w-0">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-x-3 gap-y-2">
        <div className="min-w-0 space-y-1.5">
          <CardTitle id={titleId}>{chart.title}</CardTitle>
          <p className="text-xs text-muted-foreground">
            <time
              dateTime={new Date(chart.computedAt * 1000).toISOString()}
              title={formatDateTime(chart.computedAt, timeZone)}
            >
              {computedWords(chart.computedAt, now)}
            </time>
          </p>
        </div>
        {!chart.missing && (
          <div className="flex flex-wrap gap-1">
            <Button
              variant="outline"
              size="sm"
              aria-pressed={table}
              aria-label={`Show ${chart.title} as a table`}
              onClick={() => setTable((t) => !t)}
            >
              <Table2 aria-hidden="true" /> Table
            </Button>
            <Button
              variant="outline"
              size="sm"
              aria-label={`Export ${chart.title} as CSV`}
              disabled={busy !== null}
              onClick={() => void exportAs("csv")}
            >
              <FileSpreadsheet aria-hidden="true" /> CSV
            </Button>
            <Button
              variant="outline"
              size="sm"
              aria-label={`Export ${chart.title} as PNG`}
              disabled={busy !== null}
              onClick={() => void exportAs("png")}
            >
              <FileImage aria-hidden="true" /> PNG
            </Button>
          </div>
        )}
      </CardHeader>
      <CardContent className="space-y-3">
        {chart.note && <p className="text-xs text-muted-foreground">{chart.note}</p>}
        {chart.missing ? (
          <Alert variant="warning" role="status">
            <AlertTriangle aria-hidden="true" />
            <p>
              {chart.missing.message} {retryWords(chart.missing.retryAt, now)}
            </p>
          </Alert>
        ) : (
          <>
            <div hidden={table}>
              <LazyChart chart={chart} ws={ws} colourOrder={colourOrder} svgRef={svg} />
            </div>
            {table && <ChartTable chart={chart} ws={ws} granularity={granularity} />}
          </>
        )}
      </CardContent>
    </Card>
  );
}
