import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as nodePath from "node:path";
import { afterAll } from "vitest";
import { buildCli } from "./build-cli.js";

/** What a CLI process did. */
export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** How to run the CLI. */
export interface RunOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Written to stdin, which is then closed (stdin is never a terminal). */
  readonly input?: string | Uint8Array;
}

/** The environment every CLI test starts from: no config variable, no colours forced, a private HOME. */
export function baseEnv(home: string): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, HOME: home, REMOTE_STORE_HISTORY: nodePath.join(home, "history") };
  for (const name of ["REMOTE_STORE_CONFIG", "NO_COLOR", "FORCE_COLOR", "NODE_OPTIONS"]) delete env[name];
  return env;
}

/** Spawns `node cli.js …args` (spec CLI-T01). */
export async function spawnCli(args: readonly string[], options: RunOptions): Promise<ChildProcess> {
  const cli = await buildCli();
  return spawn(process.execPath, [cli, ...args], { cwd: options.cwd, env: { ...baseEnv(options.cwd), ...options.env }, stdio: ["pipe", "pipe", "pipe"] });
}

/** Runs the CLI to the end and collects its output. */
export async function runCli(args: readonly string[], options: RunOptions): Promise<CliResult> {
  const child = await spawnCli(args, options);
  return collect(child, options.input);
}

/** Collects a child's output until it exits. */
export function collect(child: ChildProcess, input?: string | Uint8Array): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin?.end(input);
  });
}

/** A temporary working directory for one test file. */
export interface Workspace {
  readonly dir: string;
  /** Runs the CLI in this workspace. */
  run(args: readonly string[], options?: Omit<RunOptions, "cwd"> & { cwd?: string }): Promise<CliResult>;
  /** Writes a file below the workspace (folders created). */
  write(relative: string, content: string | Uint8Array): Promise<string>;
  /** The absolute path of a file below the workspace. */
  path(...relative: string[]): string;
  remove(): Promise<void>;
}

/** The config every workspace has: two stores on one local backend, and a memory store with a tiny quota. */
export const WORKSPACE_CONFIG = `backends:
  disk: { type: local, options: { root: ./data } }
  tinymem: { type: memory, options: { maxSize: 100 } }
stores:
  reports: { backend: disk, rootPath: reports }
  backup: { backend: disk, rootPath: backup }
  tiny: { backend: tinymem }
`;

/** A fresh temporary workspace with {@link WORKSPACE_CONFIG} as `remote-store.config.yaml`. */
export async function makeWorkspace(options: { config?: string | false } = {}): Promise<Workspace> {
  const dir = await mkdtemp(nodePath.join(tmpdir(), "rs-cli-"));
  const path = (...relative: string[]): string => nodePath.join(dir, ...relative);
  const write = async (relative: string, content: string | Uint8Array): Promise<string> => {
    const file = path(...relative.split("/"));
    await mkdir(nodePath.dirname(file), { recursive: true });
    await writeFile(file, content);
    return file;
  };
  if (options.config !== false) await write("remote-store.config.yaml", options.config ?? WORKSPACE_CONFIG);
  return {
    dir,
    path,
    write,
    run: (args, runOptions = {}) => runCli(args, { ...runOptions, cwd: runOptions.cwd ?? dir }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/**
 * For a test file whose concurrent tests each need a workspace of their own (TEST-008): returns a
 * maker of fresh workspaces, all removed after the file's tests.
 */
export function workspacePerTest(): () => Promise<Workspace> {
  const made: Workspace[] = [];
  afterAll(async () => {
    for (const ws of made) await ws.remove();
  });
  return async () => {
    const ws = await makeWorkspace();
    made.push(ws);
    return ws;
  };
}

/** The non-empty lines of a text. */
export function lines(text: string): string[] {
  return text.split("\n").filter((line) => line !== "");
}
