const COLORS: Record<string, string> = {
  submitted: "bg-chart-1",
  in_progress: "bg-chart-2",
  waiting_on_customer: "bg-chart-4",
  resolved: "bg-chart-3",
};

const number = new Intl.NumberFormat("en");

/**
 * Open tickets per state category, as columns drawn with plain elements (no chart library in
 * the page's download). The same numbers are in a table for assistive technology.
 */
export function TicketStateChart({ data }: { data: { category: string; label: string; count: number }[] }) {
  const max = Math.max(1, ...data.map((d) => d.count));
  return (
    <div
      className="flex h-60 items-end gap-4 border-b px-2 pb-0 pt-4"
      role="img"
      aria-label={`Bar chart: ${data.map((d) => `${d.label} ${d.count}`).join(", ")}`}
    >
      {data.map((d) => (
        <div key={d.category} className="flex h-full min-w-0 flex-1 flex-col items-center justify-end gap-1.5">
          <span className="text-xs font-medium tabular-nums">{number.format(d.count)}</span>
          <div
            className={`w-full max-w-24 rounded-t-md ${COLORS[d.category] ?? "bg-chart-1"}`}
            style={{ height: `${(d.count / max) * 80}%`, minHeight: d.count > 0 ? 2 : 0 }}
          />
          <span className="w-full truncate pb-1 text-center text-xs text-muted-foreground">{d.label}</span>
        </div>
      ))}
    </div>
  );
}
