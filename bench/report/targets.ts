import { mbPerSecond, duration, ratio, sig3 } from "./format.js";
import type { BenchResults, WorkloadResult } from "./results.js";

/** One target of the benchmark issue, checked against a run. */
export interface TargetCheck {
  readonly target: string;
  readonly met: boolean;
  /** The figures behind the verdict. */
  readonly evidence: string;
  /** The one family whose workloads decide the target, for targets of a single family. */
  readonly family?: string;
}

export const SUBJECT = "remote-store";
/** The async peers the subject must beat on every workload. */
export const ASYNC_PEERS = ["memfs-promises", "zenfs-promises", "unstorage"] as const;
const POINT_OPS = ["write", "read", "stat", "exists-missing"] as const;
/** The hot path's point operations (BENCH-017) and the ones held to {@link HOT_PATH_SHARE} of the copying floor (BENCH-031). */
const HOT_POINT_OPS = ["hot-write", "hot-read", "hot-stat", "hot-exists"] as const;
const HOT_PATH_TARGETS: readonly string[] = ["hot-write", "hot-stat", "hot-exists"];
/** The share of the copying floor's speed the hot path must reach (issue 17). */
const HOT_PATH_SHARE = 0.8;
/** The copying floor: a `Map` behind an `await` that copies the bytes in and out. */
const COPYING_FLOOR = "map-await";

function figure(workload: WorkloadResult | undefined, system: string): number | undefined {
  return workload?.figures[system]?.median;
}

/** `peer ÷ subject` for a lower-is-better figure: above 1 means the subject is better. */
export function ratioOf(workload: WorkloadResult, peer: string, subject = SUBJECT): number | undefined {
  const ours = figure(workload, subject);
  const theirs = figure(workload, peer);
  if (ours === undefined || theirs === undefined || ours <= 0) return undefined;
  return theirs / ours;
}

/**
 * How unstorage's stream write compares with the memory-bandwidth floor: it concatenates the
 * chunks into one array, which is what the `Buffer.concat` baseline measures, so no system that
 * copies the bytes can beat it by more than noise.
 */
function bandwidthFloorNote(streamWrite: WorkloadResult | undefined, bandwidth: WorkloadResult | undefined): string {
  const unstorageWrite = figure(streamWrite, "unstorage");
  const floor = figure(bandwidth, "buffer-concat");
  const ours = figure(streamWrite, SUBJECT);
  const streaming = figure(streamWrite, "stream-into-array");
  if (unstorageWrite === undefined || floor === undefined || ours === undefined) return "";
  const streamingFloor = streaming === undefined ? "" : `; a stream read into one array allocated in advance ${duration(streaming)} = ${sig3(streaming / floor)}×, and ours is ${sig3(ours / streaming)}× that`;
  return ` (stream-write floor: one copy of the bytes, Buffer.concat ${duration(floor)}; unstorage, which concatenates, ${duration(unstorageWrite)} = ${sig3(unstorageWrite / floor)}× the floor; ours ${duration(ours)} = ${sig3(ours / floor)}× the floor${streamingFloor})`;
}

// spec BENCH-030: every target, with the figures behind each verdict.
/** Evaluates every target of issue 7 and the performance clauses of issue 5. */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const byId = new Map(results.workloads.map((w) => [w.id, w]));
  const get = (id: string): WorkloadResult | undefined => byId.get(id);
  const checks: TargetCheck[] = [];

  const losses: string[] = [];
  let compared = 0;
  let worst = { value: Number.POSITIVE_INFINITY, where: "" };
  for (const workload of results.workloads) {
    for (const peer of ASYNC_PEERS) {
      const r = ratioOf(workload, peer);
      if (r === undefined) continue;
      compared++;
      if (r < worst.value) worst = { value: r, where: `${workload.id} vs ${peer}` };
      if (r <= 1) losses.push(`${workload.id} vs ${peer}: ${ratio(r)}`);
    }
  }
  checks.push({
    target: "Every workload: faster than memfs and zenfs (promises) and unstorage",
    met: losses.length === 0 && compared > 0,
    evidence:
      (losses.length === 0 ? `${compared} comparisons, all above 1×; the closest is ${worst.where} at ${ratio(worst.value)}` : `below 1×: ${losses.join("; ")}`) +
      bandwidthFloorNote(get("stream-write"), get("memory-bandwidth")),
  });

  const point = POINT_OPS.map((id) => {
    const w = get(id);
    return { id, speed: w === undefined ? undefined : ratioOf(w, "map-await") };
  });
  checks.push({
    target: "Point operations at least half the speed of the awaited Map",
    family: "point-ops",
    met: point.every((p) => p.speed !== undefined && p.speed >= 0.5),
    evidence: point.map((p) => `${p.id} ${p.speed === undefined ? "n/a" : sig3(p.speed)}`).join(", ") + " (Map+await time ÷ ours; ≥ 0.5 needed)",
  });

  checks.push(...hotPathChecks(results, get));

  const small = get("list-small");
  const vsUnstorage = small === undefined ? undefined : ratioOf(small, "unstorage");
  checks.push({
    target: "Small-folder listing inside the big tree at least 100× faster than unstorage",
    family: "listing",
    met: vsUnstorage !== undefined && vsUnstorage >= 100,
    evidence: vsUnstorage === undefined ? "not measured" : `${ratio(vsUnstorage)} (ours ${duration(figure(small, SUBJECT) as number)} for ${small?.count} listings)`,
  });

  const scaling = results.workloads.filter((w) => w.family === "scaling" && figure(w, SUBJECT) !== undefined);
  const times = scaling.map((w) => (figure(w, SUBJECT) as number) / w.count);
  const spread = times.length > 1 ? Math.max(...times) / Math.min(...times) : Number.NaN;
  checks.push({
    target: "Small-folder listing time independent of tree size (largest ÷ smallest per-listing time ≤ 1.5)",
    family: "scaling",
    met: spread <= 1.5,
    evidence: scaling.map((w, i) => `${w.id.replace("list-small-in-", "")} files: ${duration(times[i] as number)}/listing`).join(", ") + ` → spread ${sig3(spread)}×`,
  });

  const roundtrip = get("stream-roundtrip");
  const bandwidth = get("memory-bandwidth");
  const ours = figure(roundtrip, SUBJECT);
  const limit = figure(bandwidth, "buffer-concat");
  if (roundtrip !== undefined && ours !== undefined && limit !== undefined && roundtrip.bytes !== undefined) {
    const share = limit / ours;
    checks.push({
      target: "Stream write + read at least half of memory bandwidth (Buffer.concat)",
      family: "streaming",
      met: share >= 0.5,
      evidence: `round trip ${sig3(mbPerSecond(roundtrip.bytes, ours))} MB/s vs Buffer.concat ${sig3(mbPerSecond(roundtrip.bytes, limit))} MB/s = ${sig3(share)} (write ${sig3(mbPerSecond(roundtrip.bytes, figure(get("stream-write"), SUBJECT) ?? Number.NaN))} MB/s, read ${sig3(mbPerSecond(roundtrip.bytes, figure(get("stream-read"), SUBJECT) ?? Number.NaN))} MB/s)`,
    });
  }

  const heap = get("heap-per-file");
  const heapOurs = figure(heap, SUBJECT);
  const heapMemfs = Math.min(figure(heap, "memfs-promises") ?? Number.POSITIVE_INFINITY, figure(heap, "memfs-sync") ?? Number.POSITIVE_INFINITY);
  checks.push({
    target: "Heap per 16-byte file no more than memfs's",
    family: "heap",
    met: heapOurs !== undefined && heapOurs <= heapMemfs,
    evidence: `ours ${sig3(heapOurs ?? Number.NaN)} B/file, memfs ${sig3(heapMemfs)} B/file`,
  });

  const moves = results.workloads.filter((w) => w.id.startsWith("move-folder-") && figure(w, SUBJECT) !== undefined);
  if (moves.length > 1) {
    const first = figure(moves[0], SUBJECT) as number;
    const last = figure(moves[moves.length - 1], SUBJECT) as number;
    checks.push({
      target: "Issue 5: moveFolder time does not grow with the file count (largest ÷ smallest ≤ 1.5, or both under 50 µs)",
      family: "folders",
      met: last / first <= 1.5 || Math.max(first, last) < 0.05,
      evidence: moves.map((w) => `${w.id.replace("move-folder-", "")} files: ${duration(figure(w, SUBJECT) as number)}`).join(", ") + ` (naive file-by-file: ${moves.map((w) => duration(figure(w, "remote-store-naive") ?? Number.NaN)).join(", ")})`,
    });
  }
  const info = results.workloads.find((w) => w.id.startsWith("folder-info-") && w.id !== "folder-info-root");
  const infoOurs = figure(info, SUBJECT);
  if (info !== undefined && infoOurs !== undefined) {
    checks.push({
      target: "Issue 5: getFolderInfo at the root of the big tree in microseconds",
      family: "folders",
      met: infoOurs < 1,
      evidence: `${duration(infoOurs)} (naive recursive listing: ${duration(figure(info, "remote-store-naive") ?? Number.NaN)})`,
    });
  }
  const single = figure(get("single-write"), SUBJECT);
  const multipart = figure(get("multipart-upload"), SUBJECT);
  if (single !== undefined && multipart !== undefined) {
    checks.push({
      target: "Issue 5: multipart upload within 2× a single write of the same bytes",
      family: "streaming",
      met: multipart <= 2 * single,
      evidence: `multipart ${duration(multipart)} vs single write ${duration(single)} = ${sig3(multipart / single)}×`,
    });
  }
  return checks;
}

/** Operations per second of `system` in `workload`. */
function opsPerSecond(workload: WorkloadResult, system: string): string {
  const ms = figure(workload, system);
  return ms === undefined ? "n/a" : `${sig3(workload.count / (ms / 1000))}/s`;
}

// spec BENCH-031: the hot path against the copying floor, and the big folder against every peer.
/** The hot-path targets of issue 17, when its workloads were run. */
function hotPathChecks(results: BenchResults, get: (id: string) => WorkloadResult | undefined): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const point = HOT_POINT_OPS.map((id) => ({ id, workload: get(id) })).filter((p) => p.workload?.figures[SUBJECT] !== undefined);
  if (point.length > 0) {
    const share = (w: WorkloadResult): number | undefined => ratioOf(w, COPYING_FLOOR);
    checks.push({
      target: `Hot path: write, stat and exists at least ${HOT_PATH_SHARE}× the speed of the copying floor (Map + await, copying in and out); read shown`,
      met: HOT_PATH_TARGETS.every((id) => {
        const w = get(id);
        const s = w === undefined ? undefined : share(w);
        return s !== undefined && s >= HOT_PATH_SHARE;
      }),
      evidence: point
        .map(({ id, workload }) => {
          const w = workload as WorkloadResult;
          const s = share(w);
          return `${id} ${s === undefined ? "n/a" : `${sig3(s)}×`} (${opsPerSecond(w, SUBJECT)} vs ${opsPerSecond(w, COPYING_FLOOR)})`;
        })
        .join(", "),
      family: "hot-path",
    });
  }
  const folder = get("hot-folder-list");
  if (folder?.figures[SUBJECT] !== undefined) {
    const peers = results.systems.filter((s) => (s.role === "peer-async" || s.role === "peer-sync") && folder.figures[s.id] !== undefined);
    const ratios = peers.map((peer) => ({ peer, value: ratioOf(folder, peer.id) as number }));
    checks.push({
      target: `Hot path: one ${(get("hot-folder-create")?.count ?? Number.NaN).toLocaleString("en")}-file folder listed at least as fast as by every peer`,
      met: ratios.length > 0 && ratios.every((r) => r.value >= 1),
      evidence: `ours ${duration(figure(folder, SUBJECT) as number)}; peer ÷ ours: ${ratios.map((r) => `${r.peer.id} ${ratio(r.value)}`).join(", ")}`,
      family: "hot-path",
    });
  }
  return checks;
}
