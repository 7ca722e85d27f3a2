import { copyInto, copyOf, EMPTY } from "./file-content.js";
import { storedWhole, type WholeContent } from "./nodes.js";

/** Called with the bytes received so far; throws to abandon a streamed write early. */
export type ReceiveCheck = (received: number) => void;

/** Where a streamed write switches from one copy per chunk to one growing buffer (spec MEM-006). */
export interface ReceiveLayout {
  /** Bytes received before which every chunk is kept as a copy of its own. */
  readonly separateUpTo: number;
  /** Capacity of a new growing buffer (or the chunk's length, if larger). */
  readonly firstCapacity: number;
  /** Largest single growth of a buffer; below it, the capacity doubles. */
  readonly growthStepMax: number;
  /** Largest growing buffer: a longer stream goes on in a new one. */
  readonly segmentMax: number;
  /**
   * Makes a growing buffer of `byteLength` bytes that may grow to `maxByteLength`; `undefined`
   * when the runtime has none or cannot reserve the space (the write then keeps copying chunk by chunk).
   */
  readonly newGrowable: (byteLength: number, maxByteLength: number) => GrowableBuffer | undefined;
}

/** An `ArrayBuffer` that can change its length in place (ES2024 resizable `ArrayBuffer`). */
export interface GrowableBuffer extends ArrayBuffer {
  resize(byteLength: number): void;
}

type GrowableBufferConstructor = new (byteLength: number, options: { maxByteLength: number }) => GrowableBuffer;

const resizableSupported = typeof (ArrayBuffer.prototype as { resize?: unknown }).resize === "function";

/** A resizable `ArrayBuffer`, or `undefined` where the runtime has none or refuses the reservation. */
function newResizableBuffer(byteLength: number, maxByteLength: number): GrowableBuffer | undefined {
  if (!resizableSupported) return undefined;
  try {
    return new (ArrayBuffer as unknown as GrowableBufferConstructor)(byteLength, { maxByteLength });
  } catch {
    return undefined;
  }
}

const MiB = 1 << 20;

/** The layout every MemoryBackend uses. */
export const DEFAULT_RECEIVE_LAYOUT: ReceiveLayout = {
  separateUpTo: 4 * MiB,
  firstCapacity: 8 * MiB,
  growthStepMax: 64 * MiB,
  segmentMax: 1024 * MiB,
  newGrowable: newResizableBuffer,
};

/** The growing buffer being filled, with a view that tracks its length. */
interface OpenSegment {
  readonly buffer: GrowableBuffer;
  readonly view: Uint8Array;
  used: number;
}

/**
 * Collects a stream's chunks into stored content, copying every byte once (spec MEM-006). Small
 * streams keep one copy per chunk; once a stream has passed `separateUpTo` bytes, the rest goes
 * into one buffer that grows in place and is shrunk to its contents at the end. A large file then
 * ends up contiguous, in a few allocations instead of one per chunk, and without a concatenation.
 */
class ContentCollector {
  private readonly pieces: Uint8Array[] = [];
  /** Bytes added so far. */
  received = 0;
  private segment: OpenSegment | undefined;
  private growable = true;

  constructor(private readonly layout: ReceiveLayout) {}

  /** Copies a non-empty chunk in. */
  add(chunk: Uint8Array): void {
    this.received += chunk.length;
    const { separateUpTo, segmentMax } = this.layout;
    if (this.growable && this.received > separateUpTo && chunk.length <= segmentMax && this.append(chunk)) return;
    this.seal();
    this.pieces.push(copyOf(chunk));
  }

  /** The stored content: one array, or the pieces in order. */
  finish(): WholeContent {
    this.seal();
    const pieces = this.pieces;
    if (pieces.length === 0) return storedWhole(EMPTY, 0);
    return storedWhole(pieces.length === 1 ? (pieces[0] as Uint8Array) : pieces, this.received);
  }

  /** Appends to the open segment, opening or growing one as needed; false when no buffer can be had. */
  private append(chunk: Uint8Array): boolean {
    const { segmentMax } = this.layout;
    if (this.segment !== undefined && this.segment.used + chunk.length > segmentMax) this.seal();
    const segment = this.segment ?? this.open(chunk.length);
    if (segment === undefined || !this.makeRoom(segment, segment.used + chunk.length)) {
      this.seal();
      this.growable = false;
      return false;
    }
    copyInto(segment.view, chunk, segment.used);
    segment.used += chunk.length;
    return true;
  }

  private open(firstChunk: number): OpenSegment | undefined {
    const buffer = this.layout.newGrowable(Math.max(this.layout.firstCapacity, firstChunk), this.layout.segmentMax);
    if (buffer === undefined) return undefined;
    this.segment = { buffer, view: new Uint8Array(buffer), used: 0 };
    return this.segment;
  }

  /** Grows the segment to hold `needed` bytes: doubling, by at most `growthStepMax`, never past `segmentMax`. */
  private makeRoom(segment: OpenSegment, needed: number): boolean {
    const capacity = segment.buffer.byteLength;
    if (needed <= capacity) return true;
    const { growthStepMax, segmentMax } = this.layout;
    try {
      segment.buffer.resize(Math.min(segmentMax, Math.max(needed, capacity + Math.min(capacity, growthStepMax))));
      return true;
    } catch {
      return false;
    }
  }

  /** Shrinks the open segment to its contents and adds it to the pieces as a fixed-length view. */
  private seal(): void {
    const segment = this.segment;
    if (segment === undefined) return;
    this.segment = undefined;
    if (segment.used === 0) return;
    segment.buffer.resize(segment.used);
    this.pieces.push(new Uint8Array(segment.buffer, 0, segment.used));
  }
}

/**
 * Drains a chunk source into immutable stored content, copying each byte exactly once (spec
 * MEM-006). `check` may throw (e.g. over quota); the source is then cancelled and nothing is kept.
 */
export async function drainContent(
  source: AsyncIterable<Uint8Array>,
  check: ReceiveCheck,
  layout: ReceiveLayout = DEFAULT_RECEIVE_LAYOUT,
): Promise<WholeContent> {
  const collector = new ContentCollector(layout);
  for await (const chunk of source) {
    if (chunk.length === 0) continue;
    check(collector.received + chunk.length);
    collector.add(chunk);
  }
  return collector.finish();
}
