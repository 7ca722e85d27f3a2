import { minimatch } from "minimatch";
import type { ErrorCode } from "../../errors/remote-store-error.js";
import { describeType } from "../../shared/checks/objects.js";
import { STORE_OPERATIONS, type StoreOperation } from "../../store/wrap/operations.js";
import { OptionProblems, type OptionPath } from "../internal/option-problems.js";
import { ERROR_CODES } from "./injected-error.js";

/** One fault rule (spec FAULT-002): which calls it chooses and what it does to them. */
export interface FaultRule {
  /** The operations it applies to (WRAP-002 names); default every operation but `supports`, `child` and `watch`. */
  readonly operations?: readonly FaultOperation[];
  /** A minimatch glob the call's path (or, for `move`/`copy`/`moveFolder`/`copyFolder`, its destination) must match. */
  readonly paths?: string;
  /** Fail the call with the library's error of this code (without running it). */
  readonly error?: ErrorCode;
  /** Let this many bytes through a read stream, a `readBytes`/`readText` result or a write's content, then fail (with `error`, default `BACKEND_UNAVAILABLE`). */
  readonly afterBytes?: number;
  /** Wait this many milliseconds before the call. */
  readonly latencyMs?: number;
  /** The chance (0..1, default 1) that a chosen call is acted on, drawn from the seeded generator. */
  readonly probability?: number;
  /** Only the first `times` calls the rule chooses are candidates. */
  readonly times?: number;
}

/** The operations a fault can act on: every operation but the synchronous `supports`, `child` and `watch`. */
export type FaultOperation = Exclude<StoreOperation, "supports" | "child" | "watch">;

export const FAULT_OPERATIONS: readonly FaultOperation[] = STORE_OPERATIONS.filter((op): op is FaultOperation => op !== "supports" && op !== "child" && op !== "watch");

const RULE_KEYS = ["operations", "paths", "error", "afterBytes", "latencyMs", "probability", "times"] as const;

/** Adds every problem of a rule list at `path` (spec FAULT-009). */
export function checkRules(rules: unknown, problems: OptionProblems, path: OptionPath = ["rules"]): void {
  if (!Array.isArray(rules)) {
    problems.type(path, `must be an array of fault rules, got ${describeType(rules)}`);
    return;
  }
  rules.forEach((rule: unknown, index) => checkRule(rule, problems, [...path, index]));
}

function checkRule(rule: unknown, problems: OptionProblems, path: OptionPath): void {
  if (!problems.record(rule, path, RULE_KEYS)) return;
  const at = (key: string): OptionPath => [...path, key];
  if (rule.operations !== undefined) {
    if (!Array.isArray(rule.operations)) problems.type(at("operations"), `must be an array of operation names, got ${describeType(rule.operations)}`);
    else {
      (rule.operations as unknown[]).forEach((operation, i) => {
        if (typeof operation !== "string") problems.type([...at("operations"), i], `must be an operation name, got ${describeType(operation)}`);
        else if (!(FAULT_OPERATIONS as readonly string[]).includes(operation)) problems.range([...at("operations"), i], `is not an operation a fault can act on: ${JSON.stringify(operation)} (known: ${FAULT_OPERATIONS.join(", ")})`);
      });
    }
  }
  if (rule.paths !== undefined && (typeof rule.paths !== "string" || rule.paths === "")) problems.type(at("paths"), `must be a non-empty glob string, got ${describeType(rule.paths)}`);
  if (rule.error !== undefined) {
    if (typeof rule.error !== "string") problems.type(at("error"), `must be an error code, got ${describeType(rule.error)}`);
    else if (!(ERROR_CODES as readonly string[]).includes(rule.error)) problems.range(at("error"), `is not a library error code: ${JSON.stringify(rule.error)} (known: ${ERROR_CODES.join(", ")})`);
  }
  problems.nonNegativeInteger(rule.afterBytes, at("afterBytes"));
  if (rule.latencyMs !== undefined) {
    if (typeof rule.latencyMs !== "number") problems.type(at("latencyMs"), `must be a number of milliseconds, got ${describeType(rule.latencyMs)}`);
    else if (!Number.isFinite(rule.latencyMs) || rule.latencyMs < 0) problems.range(at("latencyMs"), `must be a non-negative number of milliseconds, got ${rule.latencyMs}`);
  }
  if (rule.probability !== undefined) {
    if (typeof rule.probability !== "number") problems.type(at("probability"), `must be a number from 0 to 1, got ${describeType(rule.probability)}`);
    else if (!(rule.probability >= 0 && rule.probability <= 1)) problems.range(at("probability"), `must be a number from 0 to 1, got ${rule.probability}`);
  }
  problems.positive(rule.times, at("times"), { integer: true });
  if (rule.error === undefined && rule.afterBytes === undefined && rule.latencyMs === undefined) {
    problems.type(path, "needs an action: error, afterBytes or latencyMs");
  }
}

/** A checked rule, ready to choose calls. */
export class CompiledRule {
  readonly operations: ReadonlySet<StoreOperation> | undefined;
  private readonly matcher: ((path: string) => boolean) | undefined;
  /** Calls this rule has chosen so far (for `times`). */
  chosen = 0;

  constructor(readonly rule: FaultRule) {
    this.operations = rule.operations === undefined ? undefined : new Set(rule.operations);
    const pattern = rule.paths;
    this.matcher = pattern === undefined ? undefined : (path) => minimatch(path, pattern);
  }

  /** True when the rule chooses a call of `operation` on `path` (or with destination `to`); `FaultLayer` never asks for `supports`, `child` or `watch`. */
  matches(operation: StoreOperation, path: string | undefined, to: string | undefined): boolean {
    if (this.operations !== undefined && !this.operations.has(operation)) return false;
    if (this.matcher === undefined) return true;
    return (path !== undefined && this.matcher(path)) || (to !== undefined && this.matcher(to));
  }
}
