import type { RemoteStoreError } from "../../errors/remote-store-error.js";
import { joinPath } from "../../paths/path-parts.js";
import { Listing } from "../../store/listing.js";
import type { StoreCall, StoreLayer } from "../../store/wrap/layer.js";
import { LISTING_OPERATIONS } from "../../store/wrap/operations.js";
import { tapStream } from "../internal/tap-stream.js";
import { cutContent, utf8Length } from "./cut-content.js";
import { injectedError } from "./injected-error.js";
import type { CompiledRule } from "./rules.js";
import type { FaultCall } from "./types.js";

/** What the stores of one `withFaults` share: the rules, the generator, the journal, the timer. */
export interface FaultState {
  readonly rules: readonly CompiledRule[];
  readonly random: () => number;
  readonly journal: FaultCall[];
  readonly delay: (ms: number) => Promise<void>;
}

/**
 * The layer of a store with faults (spec FAULT-*): each call is journaled, the first rule that
 * chooses it and passes its `times` and `probability` acts on it. `prefix` is where this store lies
 * below the one the rules were given to; rules match paths relative to that one.
 */
export class FaultLayer implements StoreLayer {
  readonly name = "faults";

  constructor(
    readonly state: FaultState,
    readonly prefix: string,
  ) {}

  child(sub: string): FaultLayer {
    return new FaultLayer(this.state, joinPath(this.prefix, sub));
  }

  readonly intercept = (call: StoreCall): unknown => {
    if (call.operation === "supports" || call.operation === "child" || call.operation === "watch") return call.next();
    const path = call.path === undefined ? undefined : joinPath(this.prefix, call.path);
    const to = call.to === undefined ? undefined : joinPath(this.prefix, call.to);
    const index = this.choose(call, path, to);
    this.state.journal.push(Object.freeze({ operation: call.operation, ...(path === undefined ? {} : { path }), ...(to === undefined ? {} : { to }), ...(index === undefined ? {} : { rule: index }) }));
    if (index === undefined) return call.next();
    const rule = (this.state.rules[index] as CompiledRule).rule;
    const fail = (): RemoteStoreError => injectedError(rule.error ?? "BACKEND_UNAVAILABLE", { operation: call.operation, path: call.path, backend: call.store.backend.name }, index);
    const wait = (): Promise<void> => (rule.latencyMs === undefined || rule.latencyMs === 0 ? Promise.resolve() : this.state.delay(rule.latencyMs));
    const failsAtOnce = rule.error !== undefined && rule.afterBytes === undefined;
    if (LISTING_OPERATIONS.has(call.operation)) {
      // Checked now as the store would; the fault shows when a pass runs, as a backend's error does (ST-006).
      const listing = call.next() as Listing<unknown>;
      return new Listing(async function* () {
        await wait();
        if (failsAtOnce) throw fail();
        yield* listing;
      });
    }
    return wait().then(() => {
      if (failsAtOnce) throw fail();
      return rule.afterBytes === undefined ? call.next() : this.cut(call, rule.afterBytes, fail);
    });
  };

  /** The first rule that acts on the call, by index (FAULT-005). */
  private choose(call: StoreCall, path: string | undefined, to: string | undefined): number | undefined {
    const rules = this.state.rules;
    for (let index = 0; index < rules.length; index++) {
      const compiled = rules[index] as CompiledRule;
      if (!compiled.matches(call.operation, path, to)) continue;
      compiled.chosen++;
      const { times, probability = 1 } = compiled.rule;
      if (times !== undefined && compiled.chosen > times) continue;
      if (probability < 1 && !(this.state.random() < probability)) continue;
      return index;
    }
    return undefined;
  }

  /** `afterBytes` (FAULT-004): a read or a write that fails once `limit` bytes have passed. */
  private async cut(call: StoreCall, limit: number, fail: () => RemoteStoreError): Promise<unknown> {
    switch (call.operation) {
      case "read": {
        const stream = await call.next();
        let passed = 0;
        return tapStream(stream, {
          onChunk(chunk) {
            if (passed + chunk.byteLength <= limit) {
              passed += chunk.byteLength;
              return undefined;
            }
            const rest = chunk.subarray(0, limit - passed);
            passed = limit;
            return { chunk: rest, error: fail() };
          },
        });
      }
      case "readBytes": {
        const bytes = await call.next();
        if (bytes.byteLength > limit) throw fail();
        return bytes;
      }
      case "readText": {
        const text = await call.next();
        if (utf8Length(text) > limit) throw fail();
        return text;
      }
      case "writeText": {
        const [, text] = call.args;
        if (typeof text === "string" && utf8Length(text) > limit) throw fail();
        return call.next();
      }
      case "write":
      case "writeAtomic": {
        const [path, content, options] = call.args;
        const cut = cutContent(content, limit, fail);
        if (cut === undefined) return call.next();
        const contentType = options?.contentType ?? cut.blobType;
        return call.next([path, cut.content, contentType === undefined ? options : { ...options, contentType }]);
      }
      case "uploadPart": {
        const [partNumber, content] = call.args;
        const cut = cutContent(content, limit, fail);
        return cut === undefined ? call.next() : call.next([partNumber, cut.content]);
      }
      default:
        return call.next();
    }
  }
}
