import type { OverflowEvent } from "../../contract/watch.js";

/** A gap in the queue: events dropped there while it was full (spec WATCH-020). */
class Gap {
  dropped = 1;
}

/**
 * A bounded first-in, first-out buffer of events for one consumer (spec WATCH-020). A producer
 * never waits: once `limit` events are waiting, further events are dropped and counted, and the
 * consumer takes one frozen `{ type: "overflow", dropped }` event at the place of the gap before
 * the events that arrived after room was made. It imports nothing at run time, so the lazily
 * loaded watch code shares no module with the core bundle.
 */
export class EventQueue<T> {
  /** The entries from `head` to `tail`; the array keeps its room when emptied. */
  private items: (T | Gap | undefined)[] = [];
  private head = 0;
  private tail = 0;
  /** Events waiting, gaps not counted. */
  private waiting = 0;

  /** @param limit The most events that wait at once (an integer ≥ 1). */
  constructor(private readonly limit: number) {}

  /** Entries waiting to be taken (a gap counts as one). */
  get size(): number {
    return this.tail - this.head;
  }

  /** Adds an event, or counts it as dropped when `limit` events are waiting. */
  push(event: T): void {
    if (this.waiting < this.limit) {
      this.items[this.tail++] = event;
      this.waiting++;
      return;
    }
    const last = this.items[this.tail - 1];
    if (this.tail > this.head && last instanceof Gap) last.dropped++;
    else this.items[this.tail++] = new Gap();
  }

  /** The oldest entry (an overflow event for a gap), or `undefined` when empty. */
  shift(): T | OverflowEvent | undefined {
    if (this.head === this.tail) return undefined;
    const item = this.items[this.head] as T | Gap;
    this.items[this.head++] = undefined;
    if (this.head === this.tail) {
      // Emptied: start again at the front of the same array (a consumer that keeps up empties it after every event).
      this.head = 0;
      this.tail = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.tail) {
      // Mostly taken: move the rest to the front, so the array stays within twice what waits.
      this.items.copyWithin(0, this.head, this.tail);
      this.items.fill(undefined, this.tail - this.head, this.tail);
      this.tail -= this.head;
      this.head = 0;
    }
    if (item instanceof Gap) return Object.freeze({ type: "overflow", dropped: item.dropped });
    this.waiting--;
    return item;
  }

  /** Drops everything waiting. */
  clear(): void {
    this.items = [];
    this.head = 0;
    this.tail = 0;
    this.waiting = 0;
  }
}
