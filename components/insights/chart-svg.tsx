"use client";

import { useRouter } from "next/navigation";
import {
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  type Ref,
} from "react";
import { cn } from "@/lib/cn";
import type { Chart, Point } from "@/lib/insights/types";
import {
  isLighter,
  barMarks,
  chartKind,
  countOf,
  formatValue,
  labelEvery,
  lineMax,
  legendItems,
  lineRuns,
  pointHref,
  pointName,
  seriesColours,
  tickLabels,
  ticksFor,
} from "./chart-data";
import { BG, BORDER, FILL, STROKE } from "./palette";

const HEIGHT = 240;
const MARGIN = { top: 10, right: 12, bottom: 26 };
const MAX_BAR = 56;

/** One focusable thing on the chart: a bar, or a point of a line. */
interface Target {
  key: string;
  bucket: number;
  series: number;
  point: Point;
  href: string | null;
  name: string;
}

/** The container's width, followed as it changes (the last known one while hidden). */
function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width || 600] as const;
}

/** The bucket's words under the axis: weeks by their first day ("Week of 2 Nov" reads "2 Nov"). */
const axisLabel = (label: string) => label.replace(/^Week of /i, "");

/**
 * A chart drawn as SVG, every bar and point a link to the records behind it, named for what it
 * opens. One tab stop per chart: the arrow keys, Home and End move between its bars.
 */
export function ChartSvg({
  chart,
  ws,
  colourOrder,
  svgRef,
}: {
  chart: Chart;
  ws: string;
  /** The page's teams, teammates and types in colour order (`colourOrder()`). */
  colourOrder: string[];
  svgRef?: Ref<SVGSVGElement>;
}) {
  const router = useRouter();
  const [box, width] = useWidth();
  const [active, setActive] = useState<number | null>(null);
  const [focus, setFocus] = useState(0);
  const links = useRef<(HTMLOrSVGElement | null)[]>([]);

  const kind = chartKind(chart);
  const colours = seriesColours(chart, colourOrder);
  const n = chart.axis.length;
  const bars = kind === "bars" ? barMarks(chart) : null;
  const max = bars ? bars.max : lineMax(chart);
  const ticks = ticksFor(chart.unit, max);
  const top = ticks.at(-1) ?? 1;
  const labels = tickLabels(chart.unit, ticks);
  const left = Math.max(...labels.map((l) => l.length)) * 6.5 + 12;
  const plotW = Math.max(40, width - left - MARGIN.right);
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const band = n > 0 ? plotW / n : plotW;
  const x = (b: number) => left + band * b;
  const y = (v: number) => MARGIN.top + plotH * (1 - v / top);
  const every = labelEvery(n, plotW, Math.max(1, ...chart.axis.map((a) => axisLabel(a.label).length)));

  const targets: Target[] = [];
  const target = (bucket: number, series: number, point: Point): Target => ({
    key: `${bucket}:${series}`,
    bucket,
    series,
    point,
    href: pointHref(ws, chart, point),
    name: pointName(chart, bucket, chart.series[series], point),
  });
  if (bars) for (const m of bars.marks) targets.push(target(m.bucket, m.series, m.point));
  else
    chart.axis.forEach((_, b) =>
      chart.series.forEach((s, i) => {
        const p = s.points[b];
        if (p && p.value !== null) targets.push(target(b, i, p));
      }),
    );
  const linked = targets.map((t, i) => (t.href ? i : -1)).filter((i) => i >= 0);
  const tabStop = linked.includes(focus) ? focus : (linked[0] ?? -1);

  const move = (e: KeyboardEvent<SVGSVGElement>) => {
    const at = linked.indexOf(tabStop);
    if (at < 0) return;
    const next =
      e.key === "ArrowRight" || e.key === "ArrowDown"
        ? Math.min(linked.length - 1, at + 1)
        : e.key === "ArrowLeft" || e.key === "ArrowUp"
          ? Math.max(0, at - 1)
          : e.key === "Home"
            ? 0
            : e.key === "End"
              ? linked.length - 1
              : null;
    if (next === null) return;
    e.preventDefault();
    setFocus(linked[next]);
    links.current[linked[next]]?.focus();
  };
  const open = (e: MouseEvent<Element>, href: string) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    router.push(href);
  };

  const columns = bars?.columns ?? 1;
  const barW = Math.max(1, Math.min(band * 0.72, MAX_BAR * columns));
  const shown = active === null ? null : targets[active];

  const mark = (t: Target, i: number) => {
    const c = colours[t.series];
    let shape: ReactNode;
    let outline: { x: number; y: number; w: number; h: number };
    let hit: ReactNode = null;
    if (bars) {
      const m = bars.marks[i];
      const w = barW / columns;
      const bx = x(t.bucket) + (band - barW) / 2 + w * m.column;
      const light = isLighter(chart, chart.series[t.series]);
      const y1 = y(m.y1);
      const h = Math.max(1, y(m.y0) - y1);
      outline = { x: bx - 2, y: y1 - 2, w: w + 4, h: h + 4 };
      shape = (
        <rect
          x={bx}
          y={y1}
          width={Math.max(1, w - (columns > 1 ? 1 : 0))}
          height={h}
          className={cn(FILL[c], t.point.estimated && STROKE[c], "group-hover:opacity-80")}
          fillOpacity={t.point.estimated ? 0.3 : light ? 0.45 : undefined}
          strokeWidth={t.point.estimated ? 1.5 : undefined}
          strokeDasharray={t.point.estimated ? "4 2" : undefined}
        />
      );
      // A single series: the whole column answers the pointer, however short its bar.
      if (chart.series.length === 1)
        hit = <rect x={x(t.bucket)} y={MARGIN.top} width={band} height={plotH} fill="transparent" />;
    } else {
      const cx = x(t.bucket) + band / 2;
      const cy = y(t.point.value ?? 0);
      const p90 = chart.series[t.series].stat === "p90";
      outline = { x: cx - 7, y: cy - 7, w: 14, h: 14 };
      shape = (
        <circle
          cx={cx}
          cy={cy}
          r={3.5}
          className={cn(p90 ? "fill-card" : FILL[c], STROKE[c])}
          strokeWidth={p90 ? 1.5 : 0}
        />
      );
      hit = <circle cx={cx} cy={cy} r={9} fill="transparent" />;
    }
    const body = (
      <>
        {hit}
        {shape}
        <rect
          x={outline.x}
          y={outline.y}
          width={outline.w}
          height={outline.h}
          rx={3}
          className="fill-none stroke-none group-focus-visible:stroke-ring"
          strokeWidth={2}
        />
      </>
    );
    if (!t.href)
      return (
        <g key={t.key} aria-hidden="true" onMouseEnter={() => setActive(i)} onMouseLeave={() => setActive(null)}>
          {body}
        </g>
      );
    const href = t.href;
    return (
      <a
        key={t.key}
        ref={(el) => {
          links.current[i] = el;
        }}
        href={href}
        aria-label={t.name}
        tabIndex={i === tabStop ? 0 : -1}
        className="group cursor-pointer outline-none"
        onClick={(e) => open(e, href)}
        onFocus={() => {
          setFocus(i);
          setActive(i);
        }}
        onBlur={() => setActive(null)}
        onMouseEnter={() => setActive(i)}
        onMouseLeave={() => setActive(null)}
      >
        {body}
      </a>
    );
  };

  return (
    <div ref={box} className="min-w-0">
      <p aria-hidden="true" className="mb-1 h-5 truncate text-xs text-muted-foreground">
        {shown ? readout(chart, shown) : ""}
      </p>
      <svg
        ref={svgRef}
        width={width}
        height={HEIGHT}
        viewBox={`0 0 ${width} ${HEIGHT}`}
        role="group"
        aria-label={`${chart.title}: ${linked.length ? "arrow keys move between the bars" : "nothing to open"}`}
        className="block max-w-full select-none font-sans"
        onKeyDown={move}
      >
        {ticks.map((t, i) => (
          <g key={t}>
            <line
              x1={left}
              x2={left + plotW}
              y1={y(t)}
              y2={y(t)}
              className={t === 0 ? "stroke-muted-foreground/60" : "stroke-border"}
              strokeWidth={1}
            />
            <text
              x={left - 6}
              y={y(t)}
              textAnchor="end"
              dominantBaseline="middle"
              className="fill-muted-foreground text-[11px]"
            >
              {labels[i]}
            </text>
          </g>
        ))}
        {chart.axis.map((a, b) =>
          b % every === 0 ? (
            <text
              key={a.key}
              x={x(b) + band / 2}
              y={HEIGHT - 8}
              textAnchor="middle"
              className="fill-muted-foreground text-[11px]"
            >
              {axisLabel(a.label)}
            </text>
          ) : null,
        )}
        {kind === "lines" &&
          chart.series.map((s, i) =>
            lineRuns(s.points).map((run) => (
              <path
                key={`${s.key}:${run[0]}`}
                d={run
                  .map((b, j) => `${j ? "L" : "M"}${(x(b) + band / 2).toFixed(1)},${y(s.points[b].value!).toFixed(1)}`)
                  .join("")}
                fill="none"
                className={STROKE[colours[i]]}
                strokeWidth={s.stat === "p90" ? 1.5 : 2.5}
                strokeDasharray={s.stat === "p90" ? "5 4" : undefined}
                strokeLinejoin="round"
              />
            )),
          )}
        {targets.map(mark)}
        {targets.length === 0 && (
          <text
            x={left + plotW / 2}
            y={MARGIN.top + plotH / 2}
            textAnchor="middle"
            className="fill-muted-foreground text-xs"
          >
            Nothing in this range
          </text>
        )}
      </svg>
      <Legend chart={chart} colourOrder={colourOrder} />
    </div>
  );
}

function readout(chart: Chart, t: Target): string {
  const s = chart.series[t.series];
  const who = chart.series.length > 1 || s.stat !== "count" ? ` · ${s.name}` : "";
  const n = chart.unit === "seconds" && t.point.n !== undefined ? ` (${countOf(chart.resource, t.point.n)})` : "";
  const est = t.point.estimated ? " (estimated)" : "";
  return `${chart.axis[t.bucket].label}${who}: ${formatValue(chart.unit, t.point.value)}${n}${est}`;
}

function Legend({ chart, colourOrder }: { chart: Chart; colourOrder: string[] }) {
  const items = legendItems(chart, colourOrder);
  if (items.length === 0) return null;
  return (
    <ul
      aria-label={`${chart.title} legend`}
      className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground"
    >
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className={cn(
              (item.mark === "box" || item.mark === "light") && "size-2.5 rounded-sm",
              (item.mark === "box" || item.mark === "light") &&
                (item.colour === null ? "bg-muted-foreground" : BG[item.colour]),
              item.mark === "light" && "opacity-45",
              (item.mark === "line" || item.mark === "dashed") && "h-0 w-4 border-t-2",
              item.mark === "dashed" && "border-dashed",
              item.colour === null ? "border-muted-foreground" : BORDER[item.colour],
              item.mark === "estimated" && "size-2.5 rounded-sm border border-dashed",
            )}
          />
          {item.label}
        </li>
      ))}
    </ul>
  );
}
