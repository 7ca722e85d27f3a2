import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/**
 * moto (getmoto/moto), an independent S3 implementation in Python, as a reference server for the
 * tests (spec S3S-T03). `.ci/run` starts one and exports `MOTO_S3_ENDPOINT`; without it, the
 * vitest globalSetup starts its own when `moto_server` is on PATH, and otherwise the moto tests
 * are skipped with {@link MOTO_MISSING}.
 */

/** Why the moto tests are skipped on a machine without moto. */
export const MOTO_MISSING = "moto_server is not on PATH (it comes with pip install 'moto[server]'), so the tests against moto, the independent S3 reference, are SKIPPED";

/** The environment variable naming a running moto (`http://127.0.0.1:<port>`), set by `.ci/run`. */
export const MOTO_ENDPOINT_VARIABLE = "MOTO_S3_ENDPOINT";

/** moto accepts any key pair (it checks no signature); these are the ones the tests sign with. */
export const MOTO_CREDENTIALS = Object.freeze({ accessKeyId: "motokey", secretAccessKey: "motosecret" });

/** A running moto_server this process started. */
export interface MotoProcess {
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** The last lines moto printed, for failure messages. */
  output(): string;
  /** Stops it (SIGTERM to its process group, SIGKILL after 10 s) and resolves when it exited. */
  stop(): Promise<void>;
}

/** The `moto_server` executable on PATH, or `undefined`. */
export function findMotoServer(path = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter).filter((d) => d !== "")) {
    const candidate = join(dir, "moto_server");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** How to start moto. */
export interface StartMotoOptions {
  /** The executable; default {@link findMotoServer}'s. */
  readonly executable?: string;
  /** How long it may take to answer, in ms (a hang guard, never a wait); default 60 s. */
  readonly deadlineMs?: number;
}

/**
 * Starts `moto_server -H 127.0.0.1 -p 0` with `S3_UPLOAD_PART_MIN_SIZE=1` (so that small parts
 * can be completed, as with serveS3's `minPartSize`), reads the port it bound from its own
 * output, and resolves once it answers an HTTP request — polled with a deadline, never a fixed
 * wait (spec TEST-005).
 */
export async function startMoto(options: StartMotoOptions = {}): Promise<MotoProcess> {
  const executable = options.executable ?? findMotoServer();
  if (executable === undefined) throw new Error(MOTO_MISSING);
  const deadline = Date.now() + (options.deadlineMs ?? 60_000);
  const child = spawn(executable, ["-H", "127.0.0.1", "-p", "0"], {
    env: { ...process.env, S3_UPLOAD_PART_MIN_SIZE: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const lines: string[] = [];
  const output = (): string => lines.join("\n");
  const port = new Promise<number>((resolve, reject) => {
    const read = (chunk: Buffer): void => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (line.trim() === "") continue;
        lines.push(line);
        if (lines.length > 40) lines.shift();
        const bound = /Running on http:\/\/127\.0\.0\.1:(\d+)/.exec(line);
        if (bound !== null) resolve(Number(bound[1]));
      }
    };
    child.stdout?.on("data", read);
    child.stderr?.on("data", read);
    child.once("error", reject);
    child.once("exit", (code, signal) => reject(new Error(`moto_server exited (${code ?? signal}) before it answered:\n${output()}`)));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const moto: MotoProcess = { endpoint: "", output, stop: () => stopProcess(child, exited) };
  try {
    const endpoint = `http://127.0.0.1:${await withDeadline(port, deadline, output)}`;
    await untilAnswering(endpoint, deadline, output);
    return { ...moto, endpoint };
  } catch (error) {
    await moto.stop();
    throw error;
  }
}

async function withDeadline<T>(promise: Promise<T>, deadline: number, output: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`moto_server printed no address within the deadline:\n${output()}`)), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Polls `GET /` until moto answers (any HTTP status), or fails at the deadline with what it printed. */
async function untilAnswering(endpoint: string, deadline: number, output: () => string): Promise<void> {
  let last = "";
  while (Date.now() < deadline) {
    try {
      await (await fetch(`${endpoint}/`)).arrayBuffer();
      return;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`moto_server at ${endpoint} did not answer before the deadline (last: ${last}):\n${output()}`);
}

async function stopProcess(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const signal = (name: NodeJS.Signals): void => {
    try {
      process.kill(-(child.pid as number), name);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const killer = setTimeout(() => signal("SIGKILL"), 10_000);
  await exited;
  clearTimeout(killer);
}
