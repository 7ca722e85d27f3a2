import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The project rule from spec/README.md: every clause of the spec is named by a test. This file
 * collects the bold clause IDs from spec/*.md and looks for each one in the test sources.
 * Deliberately, it names no clause ID but its own, so that it cannot satisfy the check itself.
 */

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SOURCE = /\.(?:[cm]?[jt]s|tsx)$/;
/** Where clauses are named: the tests, and the conformance suite that tests run. */
const TEST_DIRS = ["tests", "tests-browser", "src/testing"];
/** The benchmark is the implementation of its own spec file; it names those clauses in comments. */
const BENCH_SPEC = "benchmarks.md";
const BENCH_DIRS = ["bench"];

/** A clause ID: prefix (`MP-`, `CONF-H`, `S3-T`) and a number. */
const ID = /(?<![A-Za-z0-9-])([A-Z][A-Z0-9]*-[A-Z]?)(\d+)(?![0-9])/g;
const CLAUSE = /\*\*([A-Z][A-Z0-9]*-[A-Z]?\d+)\*\*/g;
/**
 * A range of clauses: `MP-001..MP-008`, `MP-001–MP-008` (en dash), or with the repeated prefix
 * shortened to what follows the last hyphen (`CONF-A01..A04`).
 */
const RANGE = /(?<![A-Za-z0-9-])([A-Z][A-Z0-9]*-)([A-Z]?)(\d+)\s*(?:\.\.|–)\s*([A-Z][A-Z0-9]*-)?([A-Z]?)(\d+)(?![0-9])/g;

interface Clause {
  readonly id: string;
  readonly prefix: string;
  readonly number: number;
  readonly file: string;
}

interface Naming {
  /** IDs named one by one. */
  readonly ids: Set<string>;
  /** Ranges, as prefix → [from, to] pairs. */
  readonly ranges: Map<string, [number, number][]>;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string): void => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.name === "node_modules") continue;
      const path = join(abs, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && SOURCE.test(entry.name)) out.push(path);
    }
  };
  walk(join(ROOT, dir));
  return out;
}

function specClauses(): Clause[] {
  const dir = join(ROOT, "spec");
  const clauses: Clause[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".md")).sort()) {
    const text = readFileSync(join(dir, name), "utf8");
    for (const [, id] of text.matchAll(CLAUSE)) clauses.push(parseClause(id!, `spec/${name}`));
  }
  return clauses;
}

function emptyNaming(): Naming {
  return { ids: new Set(), ranges: new Map() };
}

/** Adds the IDs and ranges named in `text` to `naming`. */
function collect(text: string, naming: Naming): Naming {
  for (const [, prefix, number] of text.matchAll(ID)) naming.ids.add(`${prefix}${number}`);
  for (const [, head, sub, from, toHead, toSub, to] of text.matchAll(RANGE)) {
    // The second end must have the same prefix (`CONF-H01..CONF-H07`, `CONF-A01..A04`);
    // `MP-001..ST-004` is not a range.
    if ((toHead !== undefined && toHead !== head) || toSub !== sub) continue;
    const prefix = `${head}${sub}`;
    const list = naming.ranges.get(prefix) ?? [];
    list.push([Number(from), Number(to)]);
    naming.ranges.set(prefix, list);
  }
  return naming;
}

function namings(dirs: readonly string[]): Naming {
  const naming = emptyNaming();
  for (const dir of dirs) for (const file of filesUnder(dir)) collect(readFileSync(file, "utf8"), naming);
  return naming;
}

function parseClause(id: string, file: string): Clause {
  const match = /^(.*?)(\d+)$/.exec(id)!;
  return { id, prefix: match[1]!, number: Number(match[2]), file };
}

function isNamed(clause: Clause, naming: Naming): boolean {
  if (naming.ids.has(clause.id)) return true;
  return (naming.ranges.get(clause.prefix) ?? []).some(([from, to]) => from <= clause.number && clause.number <= to);
}

describe("spec clause coverage", () => {
  it("SPEC-001 every clause in spec/*.md is named by a test (BENCH clauses by the benchmark)", () => {
    const clauses = specClauses();
    expect(clauses.length).toBeGreaterThan(100);
    const tests = namings(TEST_DIRS);
    const bench = namings(BENCH_DIRS);
    const unnamed = clauses
      .filter((clause) => !isNamed(clause, clause.file === `spec/${BENCH_SPEC}` ? bench : tests))
      .map((clause) => `${clause.id} (${clause.file})`);
    expect(unnamed, "clauses named by no test").toEqual([]);
  });

  it("SPEC-002 each clause ID is defined once in all of spec/", () => {
    const seen = new Map<string, string[]>();
    for (const clause of specClauses()) seen.set(clause.id, [...(seen.get(clause.id) ?? []), clause.file]);
    const twice = [...seen].filter(([, files]) => files.length > 1).map(([id, files]) => `${id} (${files.join(", ")})`);
    expect(twice, "clause IDs defined more than once").toEqual([]);
  });

  it("SPEC-001 counts a range as naming every clause of its prefix in between", () => {
    const naming = collect(
      [
        'it("ZZ-002 single")',
        "// spec/zz.md ZZ-005..ZZ-008",
        "// ZZ-H01–ZZ-H03",
        "// ZZ-A01..A02",
        "// ZZ-020..YY-030 is no range",
        "// XZZ-040 is another prefix",
      ].join("\n"),
      emptyNaming(),
    );
    const named = (id: string): boolean => isNamed(parseClause(id, "spec/zz.md"), naming);
    expect(["ZZ-002", "ZZ-005", "ZZ-006", "ZZ-008", "ZZ-H02", "ZZ-A02", "ZZ-020"].filter((id) => !named(id))).toEqual([]);
    expect(["ZZ-001", "ZZ-003", "ZZ-009", "ZZ-H04", "ZZ-021", "YY-025", "ZZ-040", "ZZ-A03"].filter(named)).toEqual([]);
  });
});
