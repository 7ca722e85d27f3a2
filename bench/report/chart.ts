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

// spec BENCH-022: the ratio chart.
/**
 * A horizontal bar chart of `peer ÷ remote-store` per workload on a log scale: bars to the
 * right of the 1× line are workloads where remote-store is faster (or smaller).
 */
export function ratioChart(results: BenchResults): string {
  const workloads = comparisonWorkloads(results).filter((w) => w.figures[SUBJECT] !== undefined);
  const peers = PEERS.filter((p) => workloads.some((w) => w.figures[p.id] !== undefined));
  const values = workloads.flatMap((w) => peers.map((p) => ratioOf(w, p.id)).filter((r): r is number => r !== undefined));
  const maxExp = Math.max(1, Math.ceil(Math.log10(Math.max(...values, 10))));
  const minExp = Math.min(-1, Math.floor(Math.log10(Math.min(...values, 0.1))));
  const labelWidth = 250;
  const plotWidth = 620;
  const bar = 7;
  const groupGap = 8;
  const top = 58;
  const groupHeight = peers.length * bar + groupGap;
  const height = top + workloads.length * groupHeight + 40;
  const width = labelWidth + plotWidth + 70;
  const x = (r: number): number => labelWidth + ((Math.log10(r) - minExp) / (maxExp - minExp)) * plotWidth;
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${width / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">${escape(`How many times faster (or smaller) remote-store is — ${results.mode} run, ${results.machine.date.slice(0, 10)}`)}</text>`);
  out.push(`<text x="${width / 2}" y="34" text-anchor="middle" fill="#555">${escape("peer ÷ remote-store, log scale; right of the 1× line = remote-store better")}</text>`);
  peers.forEach((p, i) => {
    const lx = labelWidth + i * 150;
    out.push(`<rect x="${lx}" y="42" width="10" height="10" fill="${p.color}"/><text x="${lx + 14}" y="51">${escape(results.systems.find((s) => s.id === p.id)?.label ?? p.id)}</text>`);
  });
  for (let e = minExp; e <= maxExp; e++) {
    const gx = x(10 ** e);
    out.push(`<line x1="${gx}" y1="${top - 4}" x2="${gx}" y2="${height - 34}" stroke="${e === 0 ? "#000" : "#ddd"}" stroke-width="${e === 0 ? 1.5 : 1}"/>`);
    out.push(`<text x="${gx}" y="${height - 20}" text-anchor="middle">${escape(ratio(10 ** e))}</text>`);
  }
  workloads.forEach((w, row) => {
    const y0 = top + row * groupHeight;
    out.push(`<text x="${labelWidth - 6}" y="${y0 + (peers.length * bar) / 2 + 4}" text-anchor="end">${escape(w.id)}</text>`);
    peers.forEach((p, i) => {
      const r = ratioOf(w, p.id);
      if (r === undefined) return;
      const from = x(1);
      const to = x(Math.min(Math.max(r, 10 ** minExp), 10 ** maxExp));
      const y = y0 + i * bar;
      out.push(`<rect x="${Math.min(from, to)}" y="${y}" width="${Math.max(1, Math.abs(to - from))}" height="${bar - 1}" fill="${p.color}"><title>${escape(`${w.id} vs ${p.id}: ${ratio(r)}`)}</title></rect>`);
    });
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
