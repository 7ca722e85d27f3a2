import type { MachineInfo } from "../harness/machine.js";
import { ratio, sig3 } from "./format.js";
import type { SectionMarkers } from "./sections.js";

/** One median of the startup benchmark. */
export interface StartupRow {
  /** `import` (ms inside the process), `cli` and `vitest` (whole processes), `first` (ms since process start). */
  readonly group: "import" | "cli" | "first" | "vitest";
  readonly label: string;
  readonly ms: number;
  /** `import` only: the whole process's wall time, start to exit, in ms. */
  readonly wall?: number;
}

/** What `npm run bench:startup` writes to bench/startup.json (spec BENCH-064). */
export interface StartupResults {
  readonly mode: "full" | "quick";
  readonly machine: MachineInfo;
  readonly runs: number;
  readonly vitestRuns: number;
  readonly testFiles: number;
  readonly fixtureFiles: number;
  readonly durationSeconds: number;
  readonly rows: readonly StartupRow[];
}

/** The markers around the startup section of RESULTS.md (spec BENCH-064). */
export const STARTUP_MARKERS: SectionMarkers = { begin: "<!-- startup:begin (npm run bench:startup) -->", end: "<!-- startup:end -->" };

const ms = (value: number): string => `${sig3(value)} ms`;

function find(results: StartupResults, group: StartupRow["group"], label: string): number {
  const row = results.rows.find((r) => r.group === group && r.label === label);
  if (row === undefined) throw new Error(`no ${group} figure for ${label}`);
  return row.ms;
}

// spec BENCH-065: the aims, each with the figures behind its verdict.
/** The aims of issue 18 against this run's figures. */
function aims(results: StartupResults): string[][] {
  const core = find(results, "import", "remote-store");
  const unstorage = find(results, "import", "unstorage");
  const version = find(results, "cli", "remote-store --version");
  const perFile = (label: string): number => find(results, "vitest", label) / results.testFiles;
  const rs = perFile("remote-store");
  const verdict = (ok: boolean): string => (ok ? "met" : "**not met**");
  return [
    ["core import ≤ 25 ms", ms(core), verdict(core <= 25)],
    ["core import ≤ 1.5 × unstorage's", `${ms(core)} vs ${ms(unstorage)} (${ratio(core / unstorage)})`, verdict(core <= 1.5 * unstorage)],
    ["`remote-store --version` ≤ 100 ms (whole process)", ms(version), verdict(version <= 100)],
    ["vitest run faster than memfs", `${ms(rs)} vs ${ms(perFile("memfs (vol.fromJSON)"))} per file`, verdict(rs < perFile("memfs (vol.fromJSON)"))],
    ["vitest run faster than temp dirs", `${ms(rs)} vs ${ms(perFile("temp dir (mkdtemp)"))} per file`, verdict(rs < perFile("temp dir (mkdtemp)"))],
  ];
}

function table(header: string[], rows: string[][]): string {
  const right = header.map((_, i) => i > 0);
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [line(header), line(right.map((r) => (r ? "---:" : "---"))), ...rows.map(line)].join("\n");
}

/** The "Startup" section of RESULTS.md, rendered from the JSON (spec BENCH-064). */
export function renderStartup(results: StartupResults): string {
  const m = results.machine;
  const group = (g: StartupRow["group"]): StartupRow[] => results.rows.filter((r) => r.group === g);
  const vitestAlone = find(results, "vitest", "vitest alone (no fixture)");
  const nodeAlone = results.rows.find((r) => r.group === "import" && r.label.startsWith("node -e 0"))?.wall ?? 0;
  return `${STARTUP_MARKERS.begin}
## Startup (\`npm run bench:startup\`)

What a fresh process pays before its first useful call (spec BENCH-060..BENCH-065): ${m.date.slice(0, 10)}, ${m.cpuModel},
${m.nproc} cores, Node ${m.node}; medians of ${results.runs} fresh processes per figure (${results.vitestRuns} vitest runs),
systems interleaved; whole run ${Math.round(results.durationSeconds)} s. The built package (\`dist/\`) is measured.

${table(["aim", "this run", "verdict"], aims(results))}

**Import** (a fresh process per sample: the import timed inside it around \`await import(…)\` alone, and the whole process, start to exit; \`node -e 0\` is the floor)

${table(["module", "import", "whole process", "above node -e 0"], group("import").map((r) => [r.label.startsWith("node ") || r.label.startsWith("(") ? r.label : `\`${r.label}\``, r.label.startsWith("node ") ? "—" : ms(r.ms), ms(r.wall ?? 0), ms((r.wall ?? 0) - nodeAlone)]))}

**First write and read back** (from the process's start: Node's own start-up, the import, one write, one read)

${table(["system", "since process start"], group("first").map((r) => [r.label, ms(r.ms)]))}

**The command** (whole process, start to exit)

${table(["command", "wall"], group("cli").map((r) => [r.label, ms(r.ms)]))}

**vitest**: ${results.testFiles} test files, each seeding a ${results.fixtureFiles}-file fixture and reading one file back (vitest's default pool: a fresh process per file)

${table(
  ["system", "whole run", "per file", "per file above vitest alone"],
  group("vitest").map((r) => [r.label, ms(r.ms), ms(r.ms / results.testFiles), ms((r.ms - vitestAlone) / results.testFiles)]),
)}
${STARTUP_MARKERS.end}`;
}
