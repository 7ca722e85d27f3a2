import { byteCount, duration, mbPerSecond, ratio, sig3 } from "./format.js";
import type { BenchResults, Figure, WorkloadResult } from "./results.js";
import { checkTargets, ratioOf, SUBJECT } from "./targets.js";

function row(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function header(cells: readonly string[]): string[] {
  return [row(cells), row(cells.map((_, i) => (i === 0 ? "---" : "---:")))];
}

function cell(workload: WorkloadResult, figure: Figure | undefined): string {
  if (figure === undefined) return "—";
  const value = workload.unit === "bytes" ? byteCount(figure.median) : duration(figure.median);
  return figure.extrapolated ? `~${value}` : value;
}

/** Systems that have at least one figure, in declaration order. */
function usedSystems(results: BenchResults, workloads: readonly WorkloadResult[]): BenchResults["systems"] {
  return results.systems.filter((s) => workloads.some((w) => w.figures[s.id] !== undefined));
}

/** Workloads of the main comparison (everything but the scaling series and the subject-only ones). */
export function comparisonWorkloads(results: BenchResults): WorkloadResult[] {
  return results.workloads.filter((w) => w.family !== "scaling" && Object.keys(w.figures).some((id) => id !== SUBJECT));
}

// spec BENCH-021: the tables (figures, ratios, per operation, MB/s, tree size).
/** Systems × workloads: the median of each. */
export function figuresTable(results: BenchResults, workloads = comparisonWorkloads(results)): string {
  const systems = usedSystems(results, workloads);
  const lines = header(["workload", ...systems.map((s) => s.label)]);
  for (const w of workloads) lines.push(row([w.title, ...systems.map((s) => cell(w, w.figures[s.id]))]));
  return lines.join("\n");
}

/** Ratios `peer ÷ remote-store` per workload (above 1 = remote-store is better). */
export function ratioTable(results: BenchResults, workloads = comparisonWorkloads(results)): string {
  const peers = usedSystems(results, workloads).filter((s) => s.id !== SUBJECT);
  const lines = header(["workload", ...peers.map((s) => s.label)]);
  for (const w of workloads) {
    if (w.figures[SUBJECT] === undefined) continue;
    lines.push(
      row([
        w.id,
        ...peers.map((s) => {
          const r = ratioOf(w, s.id);
          if (r === undefined) return "—";
          const approximate = w.figures[s.id]?.extrapolated === true ? "~" : "";
          return `${approximate}${r > 1 ? "**" : ""}${ratio(r)}${r > 1 ? "**" : ""}`;
        }),
      ]),
    );
  }
  return lines.join("\n");
}

/** Per-operation figures of the workloads with many operations. */
export function perOperationTable(results: BenchResults): string {
  const workloads = results.workloads.filter((w) => w.unit === "ms" && w.count > 1 && w.family !== "scaling");
  const systems = usedSystems(results, workloads);
  const lines = header(["per operation", ...systems.map((s) => s.label)]);
  for (const w of workloads) {
    lines.push(row([`${w.id} (per ${w.per})`, ...systems.map((s) => (w.figures[s.id] === undefined ? "—" : duration((w.figures[s.id] as Figure).median / w.count)))]));
  }
  return lines.join("\n");
}

/** MB/s of the big-file workloads. */
export function throughputTable(results: BenchResults): string {
  const workloads = results.workloads.filter((w) => w.family === "streaming" && w.bytes !== undefined);
  const systems = usedSystems(results, workloads);
  const lines = header(["MB/s (MiB/s)", ...systems.map((s) => s.label)]);
  for (const w of workloads) {
    lines.push(row([w.id, ...systems.map((s) => (w.figures[s.id] === undefined ? "—" : sig3(mbPerSecond(w.bytes as number, (w.figures[s.id] as Figure).median))))]));
  }
  return lines.join("\n");
}

/** The scaling series: time per small listing for each tree size. */
export function scalingTable(results: BenchResults): string {
  const workloads = results.workloads.filter((w) => w.family === "scaling");
  const systems = usedSystems(results, workloads);
  const lines = header(["tree size", ...systems.map((s) => `${s.label} per listing`)]);
  for (const w of workloads) {
    const files = Number(w.id.slice(w.id.lastIndexOf("-") + 1));
    lines.push(row([`${files.toLocaleString("en")} files`, ...systems.map((s) => (w.figures[s.id] === undefined ? "—" : `${w.figures[s.id]?.extrapolated === true ? "~" : ""}${duration((w.figures[s.id] as Figure).median / w.count)}`))]));
  }
  return lines.join("\n");
}

/** Each target with its verdict and figures; given `families`, only the general targets and those of these families. */
export function targetsTable(results: BenchResults, families?: ReadonlySet<string>): string {
  const lines = header(["target", "met", "figures"]);
  for (const check of checkTargets(results)) {
    if (families !== undefined && check.family !== undefined && !families.has(check.family)) continue;
    lines.push(row([check.target, check.met ? "yes" : "**no**", check.evidence]));
  }
  return lines.join("\n");
}
