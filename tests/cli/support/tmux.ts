import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as nodePath from "node:path";

/** The tmux binary, or `undefined` where none is installed (terminal tests are then skipped). */
export const TMUX = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].find((path) => existsSync(path));

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Where a screen wait gives up: a hang guard for a wedged program, never a timing assertion. */
const SCREEN_DEADLINE_MS = 60_000;

/**
 * A private tmux server for one test (spec TEST-005, TEST-008): its own socket in its own temp folder, no user
 * configuration, and a keeper session so that it stays up while the test's own sessions come and go.
 * `start` returns once the server answers, and `stop` kills it and removes the folder, so no test
 * can connect to another test's server while that one shuts down.
 */
export class TmuxServer {
  private constructor(
    private readonly dir: string,
    private readonly socket: string,
  ) {}

  /** Starts the server and waits until it lists its keeper session. */
  static async start(): Promise<TmuxServer> {
    if (TMUX === undefined) throw new Error("tmux is not installed");
    const dir = await mkdtemp(nodePath.join(tmpdir(), "rs-tmux-"));
    const server = new TmuxServer(dir, nodePath.join(dir, "sock"));
    server.run("-f", "/dev/null", "new-session", "-d", "-s", "keeper", "-x", "80", "-y", "10", "cat");
    for (const started = Date.now(); !server.answers(); ) {
      if (Date.now() - started > SCREEN_DEADLINE_MS) throw new Error("the tmux server never answered");
      await pause(20);
    }
    return server;
  }

  /** Runs a tmux command against this server and returns its output. */
  run(...args: string[]): string {
    return execFileSync(TMUX as string, ["-S", this.socket, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  }

  /** Starts a detached session `name` of `width`×`height` running `command` in `cwd`. */
  newSession(name: string, options: { width: number; height: number; cwd: string; command: string }): void {
    this.run("new-session", "-d", "-s", name, "-x", String(options.width), "-y", String(options.height), "-c", options.cwd, options.command);
  }

  /** Types `keys` into a session (tmux key names, e.g. `"Enter"`). */
  sendKeys(target: string, ...keys: string[]): void {
    this.run("send-keys", "-t", target, ...keys);
  }

  /**
   * Polls a pane until `test` accepts its text (with escape sequences when `escapes`) and returns
   * the screen; fails with the last screen when the deadline passes.
   */
  async waitForScreen(target: string, test: (screen: string) => boolean, options: { escapes?: boolean } = {}): Promise<string> {
    let screen = "";
    for (const started = Date.now(); Date.now() - started < SCREEN_DEADLINE_MS; await pause(50)) {
      screen = this.run("capture-pane", "-p", ...(options.escapes === true ? ["-e"] : []), "-t", target);
      if (test(screen)) return screen;
    }
    throw new Error(`the screen of ${target} never showed what was expected:\n${screen}`);
  }

  /** Kills the server (and every session) and removes its folder. */
  async stop(): Promise<void> {
    try {
      this.run("kill-server");
    } catch {
      // already gone
    }
    await rm(this.dir, { recursive: true, force: true });
  }

  private answers(): boolean {
    try {
      return this.run("list-sessions", "-F", "#{session_name}").split("\n").includes("keeper");
    } catch {
      return false;
    }
  }
}
