import type { OverflowEvent } from "../../contract/watch.js";
import { isObject } from "../checks/objects.js";

/** A gap in the queue: events dropped there while it was full (spec WATCH-020). */
interface Gap {
  readonly gap: true;
  dropped: number;
}

/**
 * A bounded first-in, first-out buffer of events for one consumer (spec WATCH-020). A producer
 * never waits: once `limit` events are waiting, further events are dropped and counted, and the
 * consumer takes one frozen `{ type: "overflow", dropped }` event at the place of the gap before
 * the events that arrived after room was made. It imports nothing at run time, so the lazily
 * loaded watch code shares no module with the core bundle.
 */
export class EventQueue<T> {
  private items: (T | Gap)[] = [];
  private head = 0;
  /** Events waiting, gaps not counted. */
  private waiting = 0;

  /** @param limit The most events that wait at once (an integer ≥ 1). */
  constructor(private readonly limit: number) {}

  /** Entries waiting to be taken (a gap counts as one). */
  get size(): number {
    return this.items.length - this.head;
  }

  /** Adds an event, or counts it as dropped when `limit` events are waiting. */
  push(event: T): void {
    if (this.waiting < this.limit) {
      this.items.push(event);
      this.waiting++;
      return;
    }
    const last = this.items[this.items.length - 1];
    if (this.size > 0 && isGap(last)) last.dropped++;
    else this.items.push({ gap: true, dropped: 1 });
  }

  /** The oldest entry (an overflow event for a gap), or `undefined` when empty. */
  shift(): T | OverflowEvent | undefined {
    if (this.head === this.items.length) return undefined;
    const item = this.items[this.head] as T | Gap;
    this.items[this.head++] = undefined as never;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    if (isGap(item)) return Object.freeze({ type: "overflow", dropped: item.dropped });
    this.waiting--;
    return item;
  }

  /** Drops everything waiting. */
  clear(): void {
    this.items = [];
    this.head = 0;
    this.waiting = 0;
  }
}

function isGap(item: unknown): item is Gap {
  return isObject(item) && (item as Partial<Gap>).gap === true;
}
