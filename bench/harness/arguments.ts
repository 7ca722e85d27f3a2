/** The workload families, as `WorkloadSpec.family` names them; `--only` picks among these. */
export const FAMILIES = ["point-ops", "listing", "folders", "hot-path", "scaling", "streaming", "heap"] as const;

/** One workload family. */
export type Family = (typeof FAMILIES)[number];

/** What the command line asks of a run. */
export interface RunArguments {
  readonly quick: boolean;
  /** The families to run; `undefined` for a full run of every family. */
  readonly only: ReadonlySet<Family> | undefined;
  /** With `--only`: keep the run in bench/recorded-runs.json under this label. */
  readonly record: string | undefined;
  /** `--render`: run nothing, render RESULTS.md again from the kept results. */
  readonly render: boolean;
}

function isFamily(name: string): name is Family {
  return (FAMILIES as readonly string[]).includes(name);
}

/** The value after `flag` (`--flag value` or `--flag=value`), or `undefined` when the flag is absent. */
function flagValue(argv: readonly string[], flag: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
    if (arg === flag) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value`);
      return value;
    }
  }
  return undefined;
}

// spec BENCH-024: --only <families>, --record <label> and --render.
/** Parses `--quick`, `--only a,b`, `--record label` and `--render`; an unknown family or a stray `--record` is an error. */
export function parseArguments(argv: readonly string[]): RunArguments {
  const quick = argv.includes("--quick");
  const render = argv.includes("--render");
  const onlyList = flagValue(argv, "--only");
  const record = flagValue(argv, "--record");
  if (onlyList === undefined) {
    if (record !== undefined) throw new Error("--record keeps a partial run: use it with --only");
    return { quick, only: undefined, record, render };
  }
  const names = onlyList.split(",").map((name) => name.trim()).filter((name) => name !== "");
  const unknown = names.filter((name) => !isFamily(name));
  if (names.length === 0 || unknown.length > 0) throw new Error(`--only takes families among ${FAMILIES.join(", ")}; got ${JSON.stringify(onlyList)}`);
  return { quick, only: new Set(names as Family[]), record, render };
}

/** True when the run includes `family`. */
export function runs(args: RunArguments, family: Family): boolean {
  return args.only === undefined || args.only.has(family);
}
