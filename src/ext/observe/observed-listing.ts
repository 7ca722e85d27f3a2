import { Listing } from "../../store/listing.js";

/** The outcome of one listing pass. */
export interface PassOutcome {
  readonly items: number;
  readonly error?: unknown;
}

/** Starts timing a pass and returns what to call once it ends. */
export type PassStart = () => (outcome: PassOutcome) => void;

/**
 * A `Listing` over `inner` whose every pass — `for await` or `toArray()` — is reported when it
 * ends: exhausted, failed, or left early (spec OBS-004). `toArray()` keeps the inner listing's
 * own fast collection.
 */
export class ObservedListing<T> extends Listing<T> {
  constructor(
    private readonly inner: Listing<T>,
    private readonly startPass: PassStart,
  ) {
    super(() => inner);
  }

  override [Symbol.asyncIterator](): AsyncIterator<T> {
    const iterator = this.inner[Symbol.asyncIterator]();
    let finish: ((outcome: PassOutcome) => void) | undefined;
    let items = 0;
    let done = false;
    const end = (outcome: PassOutcome): void => {
      if (done) return;
      done = true;
      (finish ?? this.startPass())(outcome);
    };
    return {
      next: () => {
        finish ??= this.startPass();
        return iterator.next().then(
          (result) => {
            if (result.done === true) end({ items });
            else items++;
            return result;
          },
          (error: unknown) => {
            end({ items, error });
            throw error;
          },
        );
      },
      return: () => {
        end({ items });
        return iterator.return?.() ?? Promise.resolve({ done: true, value: undefined });
      },
    };
  }

  override toArray(): Promise<T[]> {
    const finish = this.startPass();
    return this.inner.toArray().then(
      (items) => {
        finish({ items: items.length });
        return items;
      },
      (error: unknown) => {
        finish({ items: 0, error });
        throw error;
      },
    );
  }
}
