/**
 * A chart's exports, loaded when a lead first asks for one: its numbers as CSV (the one CSV
 * writer, lib/csv.ts), and its picture as PNG (the SVG on screen, with its colours written in,
 * a title and a legend, drawn on a canvas).
 */
import type { Chart } from "@/lib/insights/types";
import { chartCsv, exportName, legendItems } from "./chart-data";

function download(blob: Blob, name: string): void {
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export function downloadCsv(chart: Chart, timeZone: string, range: { from: string; to: string }): void {
  download(new Blob([chartCsv(chart, timeZone)], { type: "text/csv" }), exportName(chart, range, "csv"));
}

/** What a standalone picture needs from the page's stylesheet. */
const PAINT = [
  "fill",
  "fill-opacity",
  "stroke",
  "stroke-width",
  "stroke-dasharray",
  "stroke-opacity",
  "opacity",
  "font-family",
  "font-size",
  "font-weight",
  "text-anchor",
  "dominant-baseline",
];

function inlinePaint(source: Element, copy: Element): void {
  const style = getComputedStyle(source);
  copy.setAttribute("style", PAINT.map((p) => `${p}:${style.getPropertyValue(p)}`).join(";"));
  for (const attr of ["class", "tabindex", "aria-label", "role", "href"]) copy.removeAttribute(attr);
  for (let i = 0; i < source.children.length; i++) inlinePaint(source.children[i], copy.children[i]);
}

const SVG_NS = "http://www.w3.org/2000/svg";

function el<K extends keyof SVGElementTagNameMap>(
  name: K,
  attrs: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** The chart on screen as a PNG file, twice its size on screen for sharp print. */
export async function downloadPng(
  svg: SVGSVGElement,
  chart: Chart,
  range: { from: string; to: string },
  colourOrder: string[],
) {
  const root = getComputedStyle(document.documentElement);
  const colour = (name: string) => root.getPropertyValue(name).trim();
  const font = getComputedStyle(svg).fontFamily;
  const width = svg.width.baseVal.value;
  const height = svg.height.baseVal.value;
  const pad = 16;
  const titleHeight = 28;

  // The legend, laid out in rows across the picture's width.
  const legend = el("g", { "font-family": font, "font-size": 12 });
  const muted = colour("--muted-foreground");
  let lx = 0;
  let ly = 0;
  for (const item of legendItems(chart, colourOrder)) {
    const w = 22 + item.label.length * 6.6 + 16;
    if (lx > 0 && lx + w > width) {
      lx = 0;
      ly += 20;
    }
    const paint = item.colour === null ? muted : colour(`--chart-${item.colour + 1}`);
    legend.append(
      item.mark === "line" || item.mark === "dashed"
        ? el("line", {
            x1: lx,
            x2: lx + 16,
            y1: ly + 6,
            y2: ly + 6,
            stroke: paint,
            "stroke-width": 2.5,
            ...(item.mark === "dashed" ? { "stroke-dasharray": "5 4" } : {}),
          })
        : item.mark === "estimated"
          ? el("rect", {
              x: lx,
              y: ly,
              width: 12,
              height: 12,
              rx: 2,
              fill: "none",
              stroke: paint,
              "stroke-dasharray": "3 2",
            })
          : el("rect", {
              x: lx,
              y: ly,
              width: 12,
              height: 12,
              rx: 2,
              fill: paint,
              ...(item.mark === "light" ? { "fill-opacity": 0.45 } : {}),
            }),
      el("text", { x: lx + 22, y: ly + 10, fill: muted }, item.label),
    );
    lx += w;
  }
  const legendHeight = lx > 0 ? ly + 28 : 0;

  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlinePaint(svg, copy);
  copy.setAttribute("x", String(pad));
  copy.setAttribute("y", String(pad + titleHeight));
  legend.setAttribute("transform", `translate(${pad} ${pad + titleHeight + height + 12})`);

  const total = { w: width + pad * 2, h: pad * 2 + titleHeight + height + legendHeight };
  const picture = el("svg", { width: total.w, height: total.h, viewBox: `0 0 ${total.w} ${total.h}` });
  picture.append(
    el("rect", { width: total.w, height: total.h, fill: colour("--card") }),
    el(
      "text",
      { x: pad, y: pad + 14, fill: colour("--foreground"), "font-family": font, "font-size": 15, "font-weight": 600 },
      `${chart.title}, ${range.from} to ${range.to}`,
    ),
    copy,
    legend,
  );

  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(picture))}`;
  await image.decode();
  const scale = 2;
  const canvas = document.createElement("canvas");
  canvas.width = total.w * scale;
  canvas.height = total.h * scale;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("This browser can't draw the picture.");
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
  if (!blob) throw new Error("This browser can't save the picture.");
  download(blob, exportName(chart, range, "png"));
}
