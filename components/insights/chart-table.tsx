import Link from "next/link";
import type { Chart, Granularity } from "@/lib/insights/types";
import { formatValue, hasDateAxis, pointHref, pointName } from "./chart-data";

/** A chart's numbers as a table: a row per bucket, a column per series, each number a link like its bar. */
export function ChartTable({ chart, ws, granularity }: { chart: Chart; ws: string; granularity: Granularity }) {
  const bucketHeading = hasDateAxis(chart) ? (granularity === "week" ? "Week" : "Day") : "Waiting";
  return (
    <div
      className="max-h-80 overflow-auto rounded-md border"
      tabIndex={0}
      role="region"
      aria-label={`${chart.title} as a table`}
    >
      <table className="w-full text-sm">
        <caption className="sr-only">{chart.title}</caption>
        <thead className="sticky top-0 bg-card text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-3 py-1.5 text-left font-medium">
              {bucketHeading}
            </th>
            {chart.series.map((s) => (
              <th key={s.key} scope="col" className="px-3 py-1.5 text-right font-medium">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.axis.map((bucket, b) => (
            <tr key={bucket.key} className="border-t">
              <th scope="row" className="px-3 py-1 text-left font-normal">
                {bucket.label}
              </th>
              {chart.series.map((s) => {
                const point = s.points[b];
                const text = formatValue(chart.unit, point?.value ?? null);
                const href = point && point.value !== null ? pointHref(ws, chart, point) : null;
                return (
                  <td key={s.key} className="px-3 py-1 text-right tabular-nums">
                    {href ? (
                      <Link
                        prefetch={false}
                        href={href}
                        aria-label={pointName(chart, b, s, point)}
                        className="underline-offset-2 hover:underline"
                      >
                        {text}
                      </Link>
                    ) : (
                      text
                    )}
                    {point?.estimated && <span className="ml-1 text-xs text-muted-foreground">(estimated)</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
