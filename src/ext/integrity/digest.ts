import { bytesToHex } from "@noble/hashes/utils.js";

import { checkAlgorithm, newHashState, type DigestAlgorithm, type HashState } from "./algorithms.js";
import { readableChunks } from "../../shared/streams/stream-chunks.js";
import { describeType, isObject } from "../../shared/checks/objects.js";

/** An incremental digest (spec INT-006): `update` any number of times, then `hex` once. */
export interface Digest {
  /** The algorithm being computed. */
  readonly algorithm: DigestAlgorithm;
  /** Adds bytes. `TypeError` for anything but a `Uint8Array`, or after `hex()`. */
  update(bytes: Uint8Array): this;
  /** Finishes and returns the lowercase hex digest. A second call is a `TypeError`. */
  hex(): string;
}

class IncrementalDigest implements Digest {
  readonly algorithm: DigestAlgorithm;
  private state: HashState | undefined;

  constructor(algorithm: DigestAlgorithm) {
    this.algorithm = algorithm;
    this.state = newHashState(algorithm);
  }

  update(bytes: Uint8Array): this {
    if (!(bytes instanceof Uint8Array)) throw new TypeError(`digest chunks must be Uint8Array, got ${describeType(bytes)}`);
    this.open().update(bytes);
    return this;
  }

  hex(): string {
    const digest = this.open().digest();
    this.state = undefined;
    return bytesToHex(digest);
  }

  private open(): HashState {
    if (this.state === undefined) throw new TypeError("This digest is finished: hex() was already called");
    return this.state;
  }
}

/** Starts an incremental digest of `algorithm` (default SHA-256). */
export function createDigest(algorithm?: DigestAlgorithm): Digest {
  return new IncrementalDigest(checkAlgorithm(algorithm));
}

/** What {@link digestStream} can hash. */
export type DigestSource = ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

/**
 * Hashes every chunk of `source` as it arrives and returns the lowercase hex digest; the content
 * is never collected into one buffer. A source that fails rejects with its error.
 */
export async function hashChunks(source: DigestSource, algorithm: DigestAlgorithm): Promise<string> {
  const digest = new IncrementalDigest(algorithm);
  if (isReadableStream(source)) {
    for await (const chunk of readableChunks(source)) digest.update(chunk);
  } else if (isIterable(source)) {
    for await (const chunk of source) digest.update(chunk);
  } else {
    throw new TypeError(`source must be a ReadableStream or an (async) iterable of Uint8Array, got ${describeType(source)}`);
  }
  return digest.hex();
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return isObject(value) && typeof (value as ReadableStream).getReader === "function";
}

function isIterable(value: unknown): value is AsyncIterable<Uint8Array> | Iterable<Uint8Array> {
  if (!isObject(value)) return false;
  return typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function" || typeof (value as Iterable<unknown>)[Symbol.iterator] === "function";
}
