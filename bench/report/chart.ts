import { ratio } from "./format.js";
import type { BenchResults } from "./results.js";
import { comparisonWorkloads } from "./table.js";
import { ratioOf, SUBJECT } from "./targets.js";

const PEERS = [
  { id: "memfs-promises", color: "#4e79a7" },
  { id: "zenfs-promises", color: "#f28e2b" },
  { id: "unstorage", color: "#59a14f" },
  { id: "map-await", color: "#9c9c9c" },
] as const;

function escape(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");
}

/** One colour of bars (one peer). */
export interface ChartSeries {
  readonly id: string;
  readonly label: string;
  readonly color: string;
}

/** One group of bars (one workload): a ratio per series, where it has one. */
export interface ChartGroup {
  readonly label: string;
  readonly ratios: Readonly<Record<string, number | undefined>>;
}

/**
 * A horizontal bar chart of ratios on a log scale, one group of bars per workload and one bar
 * per series, each from the 1× line: to the right where the ratio is above 1.
 */
export function ratioBarChart(chart: { readonly title: string; readonly subtitle: string; readonly series: readonly ChartSeries[]; readonly groups: readonly ChartGroup[] }): string {
  const { groups } = chart;
  const series = chart.series.filter((p) => groups.some((g) => g.ratios[p.id] !== undefined));
  const values = groups.flatMap((g) => series.map((p) => g.ratios[p.id]).filter((r): r is number => r !== undefined));
  const maxExp = Math.max(1, Math.ceil(Math.log10(Math.max(...values, 10))));
  const minExp = Math.min(-1, Math.floor(Math.log10(Math.min(...values, 0.1))));
  const labelWidth = 250;
  const plotWidth = 620;
  const bar = 7;
  const groupGap = 8;
  const top = 58;
  const groupHeight = series.length * bar + groupGap;
  const height = top + groups.length * groupHeight + 40;
  const width = labelWidth + plotWidth + 70;
  const x = (r: number): number => labelWidth + ((Math.log10(r) - minExp) / (maxExp - minExp)) * plotWidth;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${width / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">${escape(chart.title)}</text>`);
  out.push(`<text x="${width / 2}" y="34" text-anchor="middle" fill="#555">${escape(chart.subtitle)}</text>`);
  series.forEach((p, i) => {
    const lx = labelWidth + i * 150;
    out.push(`<rect x="${lx}" y="42" width="10" height="10" fill="${p.color}"/><text x="${lx + 14}" y="51">${escape(p.label)}</text>`);
  });
  for (let e = minExp; e <= maxExp; e++) {
    const gx = x(10 ** e);
    out.push(`<line x1="${gx}" y1="${top - 4}" x2="${gx}" y2="${height - 34}" stroke="${e === 0 ? "#000" : "#ddd"}" stroke-width="${e === 0 ? 1.5 : 1}"/>`);
    out.push(`<text x="${gx}" y="${height - 20}" text-anchor="middle">${escape(ratio(10 ** e))}</text>`);
  }
  groups.forEach((g, row) => {
    const y0 = top + row * groupHeight;
    out.push(`<text x="${labelWidth - 6}" y="${y0 + (series.length * bar) / 2 + 4}" text-anchor="end">${escape(g.label)}</text>`);
    series.forEach((p, i) => {
      const r = g.ratios[p.id];
      if (r === undefined) return;
      const from = x(1);
      const to = x(Math.min(Math.max(r, 10 ** minExp), 10 ** maxExp));
      const y = y0 + i * bar;
      out.push(`<rect x="${Math.min(from, to)}" y="${y}" width="${Math.max(1, Math.abs(to - from))}" height="${bar - 1}" fill="${p.color}"><title>${escape(`${g.label} vs ${p.id}: ${ratio(r)}`)}</title></rect>`);
    });
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}

// spec BENCH-022: the ratio chart.
/**
 * A horizontal bar chart of `peer ÷ remote-store` per workload on a log scale: bars to the
 * right of the 1× line are workloads where remote-store is faster (or smaller).
 */
export function ratioChart(results: BenchResults): string {
  const workloads = comparisonWorkloads(results).filter((w) => w.figures[SUBJECT] !== undefined);
  return ratioBarChart({
    title: `How many times faster (or smaller) remote-store is — ${results.mode} run, ${results.machine.date.slice(0, 10)}`,
    subtitle: "peer ÷ remote-store, log scale; right of the 1× line = remote-store better",
    series: PEERS.map((p) => ({ ...p, label: results.systems.find((s) => s.id === p.id)?.label ?? p.id })),
    groups: workloads.map((w) => ({ label: w.id, ratios: Object.fromEntries(PEERS.map((p) => [p.id, ratioOf(w, p.id)])) })),
  });
}
