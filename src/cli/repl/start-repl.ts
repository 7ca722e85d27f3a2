import { homedir } from "node:os";
import * as nodePath from "node:path";
import repl, { type REPLServer } from "node:repl";
import { PassThrough } from "node:stream";
import { reportError } from "../errors/report-error.js";
import { colorsFor, type CliIo } from "../io.js";
import type { Session } from "../session/session.js";
import { bannerLines } from "./banner.js";
import { defineDotCommands } from "./dot-commands.js";
import { createWriter } from "./pretty.js";
import { homeLocation, ReplState } from "./repl-state.js";
import { replScope } from "./scope.js";
import { ScriptFeeder } from "./script-mode.js";

/** What the REPL needs. */
export interface ReplOptions {
  readonly session: Session;
  readonly io: CliIo;
  /** The store argument (`""` = the default store). */
  readonly spec: string;
  readonly debug: boolean;
  readonly color: boolean;
  readonly version: string;
}

/**
 * The REPL (spec CLI-070..074): interactive on a terminal, a script runner when stdin is piped.
 * Resolves to the exit code.
 */
export async function startRepl(options: ReplOptions): Promise<number> {
  const { io, session } = options;
  const state = new ReplState(session, homeLocation(session, options.spec));
  const interactive = io.stdin.isTTY === true;
  const colors = colorsFor(io.stdout, io.env, options.color && interactive);
  const writer = createWriter({ colors, inspectColors: colors.isColorSupported, debug: options.debug });
  let exitCode = 0;
  const report = (error: unknown, stream: CliIo["stderr"]): number => {
    const { lines, exitCode: code } = reportError(error, { debug: options.debug, colors: colorsFor(stream, io.env, options.color) });
    stream.write(`${lines.join("\n")}\n`);
    return code;
  };

  if (!interactive) {
    const input = new PassThrough();
    const server = repl.start({ input, output: io.stdout as NodeJS.WritableStream, prompt: "", terminal: false, useColors: false, ignoreUndefined: true, writer });
    const feeder = new ScriptFeeder(server, input, (error) => {
      exitCode = report(error, io.stderr);
    });
    setUp(server, { state, options, colors, interactive: false }, (error) => feeder.fail(error));
    await feeder.run(io.stdin);
    server.close();
    return exitCode;
  }

  io.stdout.write(`${bannerLines({ version: options.version, session, label: state.label, inMemory: session.defaultStoreInfo.source === "memory" && options.spec === "", colors }).join("\n")}\n`);
  const server = repl.start({
    input: io.stdin,
    output: io.stdout as NodeJS.WritableStream,
    prompt: `${state.label}> `,
    terminal: io.stdout.isTTY === true,
    useColors: colors.isColorSupported,
    writer,
  });
  setUp(server, { state, options, colors, interactive: true }, (error) => {
    report(error, server.output);
    server.displayPrompt();
  });
  const history = io.env.REMOTE_STORE_HISTORY ?? nodePath.join(homedir(), ".remote_store_history");
  server.setupHistory(history, () => undefined);
  await new Promise<void>((resolve) => server.on("exit", resolve));
  return exitCode;
}

interface SetUp {
  readonly state: ReplState;
  readonly options: ReplOptions;
  readonly colors: ReturnType<typeof colorsFor>;
  readonly interactive: boolean;
}

/** Puts the scope in the REPL's context and defines the dot-commands. */
function setUp(server: REPLServer, { state, options, colors, interactive }: SetUp, failed: (error: unknown) => void): void {
  Object.assign(server.context, replScope(options.session));
  server.context.store = state.store;
  defineDotCommands(server, {
    state,
    session: options.session,
    colors,
    cwd: options.io.cwd,
    moved: () => {
      server.context.store = state.store;
      if (interactive) server.setPrompt(`${state.label}> `);
    },
    failed,
  });
}
