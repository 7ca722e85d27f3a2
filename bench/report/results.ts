import type { MachineInfo } from "../harness/machine.js";
import { median } from "../harness/measure.js";
import type { SystemRole } from "../systems/system.js";

/** What a workload measures; every figure is "lower is better". */
export type Unit = "ms" | "bytes";

/** A workload's description, fixed before any system runs it. */
export interface WorkloadSpec {
  readonly id: string;
  /** The file in bench/workloads/ that runs it. */
  readonly family: string;
  readonly title: string;
  readonly unit: Unit;
  /** Operations (or files) in one run, for per-operation figures. */
  readonly count: number;
  /** What one operation is ("file", "listing", …). */
  readonly per: string;
  /** Payload bytes of one run, for MB/s figures. */
  readonly bytes?: number;
}

/** One system's figures for one workload. */
export interface Figure {
  readonly samples: number[];
  /** Median of the samples. */
  median: number;
  /** Some sample was cut short by the time budget and extrapolated (a lower bound for super-linear work). */
  extrapolated: boolean;
}

/** A workload with every system's figures. */
export interface WorkloadResult extends WorkloadSpec {
  readonly figures: Record<string, Figure>;
}

/** A system as listed in the results. */
export interface SystemInfo {
  readonly id: string;
  readonly label: string;
  readonly role: SystemRole;
}

/** Everything one run produced; written as JSON and rendered from it. */
export interface BenchResults {
  readonly machine: MachineInfo;
  readonly mode: "full" | "quick";
  readonly repetitions: number;
  readonly config: Record<string, unknown>;
  readonly systems: SystemInfo[];
  readonly workloads: WorkloadResult[];
  readonly notes: string[];
  readonly durationSeconds: number;
}

/** Collects samples per workload and system as the run goes. */
export class Recorder {
  private readonly workloads = new Map<string, WorkloadResult>();

  /** Declares a workload (idempotent). */
  define(spec: WorkloadSpec): void {
    if (!this.workloads.has(spec.id)) this.workloads.set(spec.id, { ...spec, figures: {} });
  }

  /** Adds one sample. */
  add(workload: string, system: string, value: number, extrapolated = false): void {
    const result = this.workloads.get(workload);
    if (result === undefined) throw new Error(`undefined workload ${workload}`);
    const figure = (result.figures[system] ??= { samples: [], median: 0, extrapolated: false });
    figure.samples.push(value);
    figure.median = median(figure.samples);
    figure.extrapolated ||= extrapolated;
  }

  /** The workloads in definition order. */
  results(): WorkloadResult[] {
    return [...this.workloads.values()];
  }
}
