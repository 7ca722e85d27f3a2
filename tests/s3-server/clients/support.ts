import { execFile, spawnSync } from "node:child_process";

/**
 * Running the real clients of spec S3S-T06 — python3 with boto3, the aws CLI — as child processes
 * the test owns and awaits to their exit (never a fixed wait), with an environment that reads no
 * user configuration.
 */

/** Why a tool cannot run here, or `undefined` when it can. */
export function missingTool(command: string, args: readonly string[], install: string): string | undefined {
  const probe = spawnSync(command, [...args], { encoding: "utf8" });
  return probe.status === 0 ? undefined : `SKIPPED: \`${[command, ...args].join(" ")}\` fails here (${install})`;
}

/** An AWS client environment for a key pair: no config or credentials files, no instance metadata. */
export function awsEnv(credentials: { readonly accessKeyId: string; readonly secretAccessKey: string }, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith("AWS_")) delete env[name];
  return {
    ...env,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_DEFAULT_REGION: "us-east-1",
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_EC2_METADATA_DISABLED: "true",
    ...extra,
  };
}

/** What a finished child process printed. */
export interface Ran {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a command to its end and resolves with its exit code and text output. The child is killed
 * when it outlives `hangGuard` milliseconds (a hang guard, not a timing check: default 150 s), so
 * a stuck client never outlives its test.
 */
export function run(command: string, args: readonly string[], options: { readonly env: NodeJS.ProcessEnv; readonly cwd?: string; readonly input?: string; readonly hangGuard?: number }): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, [...args], { env: options.env, cwd: options.cwd, maxBuffer: 64 * 1024 * 1024, encoding: "utf8", timeout: options.hangGuard ?? 150_000, killSignal: "SIGKILL" }, (error, stdout, stderr) => {
      if (error === null) return resolve({ code: 0, stdout, stderr });
      // A number is the child's exit code; anything else (not started, killed by the hang guard) fails the run.
      if (typeof error.code === "number") return resolve({ code: error.code, stdout, stderr });
      reject(new Error(`${command} did not finish (${error.signal ?? String(error.code)}): ${stderr}`, { cause: error }));
    });
    child.stdin?.end(options.input);
  });
}
