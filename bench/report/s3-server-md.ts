import type { MachineInfo } from "../harness/machine.js";
import { ratioBarChart, type ChartGroup } from "./chart.js";
import { ratio, sig3 } from "./format.js";
import type { SectionMarkers } from "./sections.js";

/** The servers of the S3 endpoint benchmark: ours and the two peers. */
export type S3ServerId = "serveS3" | "moto" | "s3rver";
export const PEER_IDS = ["moto", "s3rver"] as const;
export type SmallOp = "PutObject" | "GetObject" | "HeadObject";
export type SmallMode = "sequential" | "16 in flight";

/** One server of a run: measured, or skipped with the reason. */
export interface ServerInfo {
  readonly id: S3ServerId;
  readonly label: string;
  readonly skipped?: string;
}

/** Small-object figures of one server, op and mode: medians over rounds (spec BENCH-071). */
export interface OpFigure {
  readonly server: S3ServerId;
  readonly op: SmallOp;
  readonly mode: SmallMode;
  readonly opsPerSecond: number;
  /** Latency per call in ms, over all rounds' calls. */
  readonly p50: number;
  readonly p99: number;
}

/** What `npm run bench:s3-server` writes to bench/s3-server.json (spec BENCH-074). */
export interface S3ServerResults {
  readonly mode: "full" | "quick";
  readonly machine: MachineInfo;
  readonly durationSeconds: number;
  readonly settings: {
    readonly startupRuns: number;
    readonly rounds: number;
    readonly smallOps: number;
    readonly smallBytes: number;
    readonly listKeys: number;
    readonly largeBytes: number;
    readonly largeRounds: number;
    readonly memoryBytes: number;
  };
  readonly servers: readonly ServerInfo[];
  /** Median ms from the call or spawn to the first answered ListBuckets. */
  readonly startup: readonly { readonly server: S3ServerId; readonly ms: number }[];
  readonly ops: readonly OpFigure[];
  /** Median ms to list every key with ListObjectsV2, pages of 1,000. */
  readonly list: readonly { readonly server: S3ServerId; readonly ms: number }[];
  /** Median MiB/s of `Upload` and of a streamed GetObject; `store` is the same bytes through a memory Store's streams. */
  readonly large: readonly { readonly server: S3ServerId | "store"; readonly uploadMiBs: number; readonly downloadMiBs: number }[];
  /** The RSS of this process during one `Upload` to `serveS3` in the same process. */
  /** What failed on a server after it started (the figure is left out). */
  readonly failures?: readonly string[];
  readonly memory: readonly { readonly backend: "MemoryBackend" | "LocalBackend (temp folder)"; readonly baselineMiB: number; readonly peakRiseMiB: number; readonly endRiseMiB: number }[];
}

/** The markers around the S3 endpoint section of RESULTS.md (spec BENCH-074). */
export const S3_SERVER_MARKERS: SectionMarkers = { begin: "<!-- s3-server:begin -->", end: "<!-- s3-server:end -->" };

export const OPS: readonly SmallOp[] = ["PutObject", "GetObject", "HeadObject"];
export const MODES: readonly SmallMode[] = ["sequential", "16 in flight"];
const MiB = 2 ** 20;

const ms = (value: number): string => `${sig3(value)} ms`;
const verdict = (ok: boolean): string => (ok ? "met" : "**not met**");

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map((_, i) => (i > 0 ? "---:" : "---"))), ...rows.map(line)].join("\n");
}

function measured(results: S3ServerResults): ServerInfo[] {
  return results.servers.filter((s) => s.skipped === undefined);
}

function peers(results: S3ServerResults): ServerInfo[] {
  return measured(results).filter((s) => s.id !== "serveS3");
}

function op(results: S3ServerResults, server: S3ServerId, o: SmallOp, mode: SmallMode): OpFigure | undefined {
  return results.ops.find((f) => f.server === server && f.op === o && f.mode === mode);
}

function largeOf(results: S3ServerResults, server: S3ServerId | "store"): S3ServerResults["large"][number] | undefined {
  return results.large.find((l) => l.server === server);
}

/** Every "ours ÷ peer" ratio of speed, by workload (ops/s, list time inverted, MiB/s). */
export function speedRatios(results: S3ServerResults): ChartGroup[] {
  const groups: ChartGroup[] = [];
  const each = (get: (server: S3ServerId) => number | undefined): Record<string, number | undefined> => {
    const ours = get("serveS3");
    return Object.fromEntries(PEER_IDS.map((p) => { const theirs = get(p); return [p, ours === undefined || theirs === undefined ? undefined : ours / theirs]; }));
  };
  for (const mode of MODES) for (const o of OPS) groups.push({ label: `${o}, ${mode}`, ratios: each((s) => op(results, s, o, mode)?.opsPerSecond) });
  groups.push({ label: `ListObjectsV2, ${results.settings.listKeys.toLocaleString("en")} keys`, ratios: each((s) => { const t = results.list.find((l) => l.server === s)?.ms; return t === undefined ? undefined : 1 / t; }) });
  groups.push({ label: "Upload (multipart)", ratios: each((s) => largeOf(results, s)?.uploadMiBs) });
  groups.push({ label: "GetObject (streamed)", ratios: each((s) => largeOf(results, s)?.downloadMiBs) });
  return groups;
}

// spec BENCH-073: the aims of issue 19, each with the figures behind its verdict.
function aims(results: S3ServerResults): string[][] {
  const rows: string[][] = [];
  const start = results.startup.find((s) => s.server === "serveS3")?.ms;
  if (start !== undefined) rows.push(["`serveS3` start-up under 50 ms", ms(start), verdict(start < 50)]);
  for (const peer of peers(results)) {
    const ratios = MODES.flatMap((mode) => OPS.map((o) => ({ label: `${o} ${mode}`, r: (op(results, "serveS3", o, mode)?.opsPerSecond ?? 0) / (op(results, peer.id, o, mode)?.opsPerSecond ?? Infinity) })));
    const worst = ratios.reduce((a, b) => (b.r < a.r ? b : a));
    const best = ratios.reduce((a, b) => (b.r > a.r ? b : a));
    rows.push([`small-object ops at least 5× ${peer.label}'s`, `${ratio(worst.r)} (${worst.label}) to ${ratio(best.r)} (${best.label})`, verdict(worst.r >= 5)]);
  }
  const ours = largeOf(results, "serveS3");
  const store = largeOf(results, "store");
  if (ours !== undefined && store !== undefined) {
    for (const [what, a, b] of [["upload", ours.uploadMiBs, store.uploadMiBs], ["download", ours.downloadMiBs, store.downloadMiBs]] as const) {
      rows.push([`${what} within 2× of the Store directly`, `${sig3(a)} vs ${sig3(b)} MiB/s (Store ${ratio(b / a)} faster)`, verdict(b / a <= 2)]);
    }
  }
  const gib = results.settings.memoryBytes / MiB;
  for (const m of results.memory) {
    const held = m.backend === "MemoryBackend" ? gib : 0;
    const above = m.peakRiseMiB - held;
    rows.push([
      `${sig3(gib)} MiB \`Upload\`: memory rise far below the bytes (≤ ¼), ${m.backend}${held > 0 ? " (the object itself stays in memory: the figure is the rise above it)" : ""}`,
      `peak +${sig3(m.peakRiseMiB)} MiB${held > 0 ? `, ${above >= 0 ? "+" : ""}${sig3(above)} MiB above the stored object` : ""}`,
      verdict(above <= gib / 4),
    ]);
  }
  return rows;
}

/** The S3 endpoint section of RESULTS.md, rendered from the JSON (spec BENCH-074). */
export function renderS3Server(results: S3ServerResults, chart: string): string {
  const m = results.machine;
  const s = results.settings;
  const servers = measured(results);
  const skipped = results.servers.filter((x) => x.skipped !== undefined);
  const label = (id: S3ServerId | "store"): string => (id === "store" ? "Store directly (memory)" : (results.servers.find((x) => x.id === id)?.label ?? id));
  const peerList = peers(results);
  const opRows = MODES.flatMap((mode) =>
    OPS.map((o) => {
      const ours = op(results, "serveS3", o, mode);
      return [
        `${o}, ${mode}`,
        ...servers.map((x) => { const f = op(results, x.id, o, mode); return f === undefined ? "—" : `${sig3(f.opsPerSecond)} (${sig3(f.p50)} / ${sig3(f.p99)})`; }),
        ...peerList.map((p) => { const f = op(results, p.id, o, mode); return ours === undefined || f === undefined ? "—" : ratio(ours.opsPerSecond / f.opsPerSecond); }),
      ];
    }),
  );
  const listOurs = results.list.find((l) => l.server === "serveS3")?.ms;
  return `${S3_SERVER_MARKERS.begin}
## The S3 endpoint against s3rver and moto (\`npm run bench:s3-server\`)

\`serveS3\` over a \`MemoryBackend\` in the benchmark's process, moto (\`moto_server\`) and s3rver 3 (each in its own process), all on 127.0.0.1, through one \`@aws-sdk/client-s3\` configuration (spec BENCH-070..BENCH-074): ${results.mode} run, ${m.date.slice(0, 10)}, ${m.cpuModel}, ${m.nproc} cores, Node ${m.node}; whole run ${Math.round(results.durationSeconds)} s.${skipped.length > 0 ? ` Skipped: ${skipped.map((x) => `${x.label} (${x.skipped})`).join("; ")}.` : ""}${(results.failures ?? []).length > 0 ? ` Failed (figure left out): ${(results.failures ?? []).join("; ")}.` : ""} Raw figures: \`bench/s3-server.json\`. The client shares the machine's ${m.nproc} cores with the servers, so the small-object figures include the client's own cost.

${table(["aim (issue 19)", "this run", "verdict"], aims(results))}

**Start-up**: from the call (\`serveS3\`) or the spawn (moto, s3rver) to the first answered ListBuckets, median of ${s.startupRuns}

${table(["server", "start-up"], results.startup.map((x) => [label(x.server), ms(x.ms)]))}

**Small objects**: ${(s.smallBytes / 1024).toFixed(0)} KiB, ${s.smallOps.toLocaleString("en")} calls per op and mode; ops/s (p50 / p99 latency in ms), medians of ${s.rounds} rounds with the servers interleaved; ratios are ours ÷ peer

${table(["op", ...servers.map((x) => x.label), ...peerList.map((p) => `÷ ${p.label}`)], opRows)}

**Listing and large transfers**: ListObjectsV2 over ${s.listKeys.toLocaleString("en")} keys in pages of 1,000; a ${sig3(s.largeBytes / MiB)} MiB generated stream through \`lib-storage\`'s \`Upload\` (5 MiB parts, 4 in flight) and back through a streamed GetObject, median of ${s.largeRounds}

${table(
  ["server", "list all keys", "Upload MiB/s", "download MiB/s"],
  [...servers.map((x) => x.id), "store" as const].map((id) => {
    const l = id === "store" ? undefined : results.list.find((x) => x.server === id)?.ms;
    const big = largeOf(results, id);
    return [label(id), l === undefined ? "—" : `${ms(l)}${listOurs !== undefined && id !== "serveS3" ? ` (ours ${ratio(l / listOurs)} faster)` : ""}`, big === undefined ? "—" : sig3(big.uploadMiBs), big === undefined ? "—" : sig3(big.downloadMiBs)];
  }),
)}

**Memory**: one ${sig3(s.memoryBytes / MiB)} MiB \`Upload\` to \`serveS3\` in this process; the process's RSS sampled every 50 ms, rise over the RSS before it

${table(["serveS3 over", "RSS before", "peak rise", "rise after the upload"], results.memory.map((x) => [x.backend, `${sig3(x.baselineMiB)} MiB`, `${sig3(x.peakRiseMiB)} MiB`, `${sig3(x.endRiseMiB)} MiB`]))}

![ours ÷ peer per workload](${chart})
${S3_SERVER_MARKERS.end}`;
}

/** The chart: ours ÷ peer in speed per workload, log scale (spec BENCH-074). */
export function s3ServerChart(results: S3ServerResults): string {
  const colors: Record<string, string> = { moto: "#4e79a7", s3rver: "#f28e2b" };
  return ratioBarChart({
    title: `How many times faster serveS3 is — ${results.mode} run, ${results.machine.date.slice(0, 10)}`,
    subtitle: "serveS3 ÷ peer (ops/s, MiB/s, 1 ÷ list time), log scale; right of the 1× line = serveS3 faster",
    series: peers(results).map((p) => ({ id: p.id, label: p.label, color: colors[p.id] ?? "#9c9c9c" })),
    groups: speedRatios(results),
  });
}
