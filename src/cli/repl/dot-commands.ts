import { readFile, writeFile } from "node:fs/promises";
import * as nodePath from "node:path";
import type { REPLServer } from "node:repl";
import { exportTree, importTree } from "../../snapshot/index.js";
import { localError } from "../errors/local-errors.js";
import { buildTree, renderTree } from "../format/tree.js";
import type { Colors } from "../io.js";
import { InvalidArgument } from "../../errors/classes.js";
import type { Session } from "../session/session.js";
import { configNamesHint } from "../session/config-discovery.js";
import { entriesTable } from "./pretty.js";
import type { ReplState } from "./repl-state.js";
import { ReplWatch } from "./repl-watch.js";

/** What the dot-commands need. */
export interface DotCommandDeps {
  readonly state: ReplState;
  readonly session: Session;
  readonly colors: Colors;
  readonly cwd: string;
  /** Called after `.cd` so `store` and the prompt follow. */
  readonly moved: () => void;
  /** Reports a failed dot-command (prints the error line; in script mode ends the session). */
  readonly failed: (error: unknown) => void;
}

type Handler = (arg: string, print: (text: string) => void) => Promise<void>;

/**
 * Registers `.ls`, `.tree`, `.cat`, `.cd`, `.pwd`, `.stores`, `.save`, `.load` and `.watch` (spec CLI-071).
 * Each runs asynchronously and shows the prompt again when it is done.
 */
export function defineDotCommands(repl: REPLServer, deps: DotCommandDeps): void {
  const { state, session, colors } = deps;
  const watching = new ReplWatch();
  repl.on("exit", () => void watching.stop());
  const commands: Record<string, { help: string; run: Handler }> = {
    ls: {
      help: "List a folder of the current store: .ls [path]",
      run: async (arg, print) => {
        const location = state.resolve(arg);
        const entries = await location.run(() => location.store.iterChildren(location.path).toArray());
        print(entries.length === 0 ? colors.dim("(empty)") : entriesTable(entries, colors));
      },
    },
    tree: {
      help: "Show a folder as a tree: .tree [path]",
      run: async (arg, print) => {
        const location = state.resolve(arg);
        const tree = await location.run(() => buildTree(location.store, location.path, undefined));
        print(renderTree(tree, location.display(), { tty: true, human: true, colors }).join("\n"));
      },
    },
    cat: {
      help: "Print a file as text: .cat <path>",
      run: async (arg, print) => {
        const location = state.resolve(arg);
        const text = await location.run(() => location.store.readText(location.path));
        print(text.endsWith("\n") ? text.slice(0, -1) : text);
      },
    },
    cd: {
      help: "Change the current folder: .cd [path | .. | / | name:path | URL] (no argument: back to the start)",
      run: async (arg) => {
        await state.cd(arg);
        deps.moved();
      },
    },
    pwd: {
      help: "Show the current location",
      run: async (_arg, print) => print(state.label),
    },
    stores: {
      help: "List the configured stores",
      run: async (_arg, print) => {
        const names = session.storeNames;
        if (session.registry === undefined) print(`no config (looked for ${configNamesHint()})`);
        else print(names.length === 0 ? "no stores configured" : names.map((name) => `stores.${name}  (${name}:)`).join("\n"));
      },
    },
    save: {
      help: "Save the current folder as a snapshot (JSON): .save <file>",
      run: async (arg, print) => {
        const file = requireArg(arg, ".save <file>", deps.cwd);
        const here = state.here;
        const snapshot = await here.run(() => exportTree(here.store, here.path));
        await writeFile(file, `${JSON.stringify(snapshot, null, 2)}\n`).catch((error: unknown) => {
          throw localError(error, file, "file");
        });
        print(`saved ${snapshot.entries.length} ${snapshot.entries.length === 1 ? "entry" : "entries"} to ${file}`);
      },
    },
    watch: {
      help: "Print changes below a folder as they happen: .watch [path] (recursive); .watch off stops",
      run: async (arg, print) => {
        await watching.stop();
        if (arg === "off") return print("stopped watching");
        const location = state.resolve(arg);
        await watching.start(location, (line) => {
          print(line);
          repl.displayPrompt(true);
        });
        print(`watching ${location.display()} (.watch off to stop)`);
      },
    },
    load: {
      help: "Load a snapshot (JSON) into the current folder: .load <file>",
      run: async (arg, print) => {
        const file = requireArg(arg, ".load <file>", deps.cwd);
        const text = await readFile(file, "utf8").catch((error: unknown) => {
          throw localError(error, file, "file");
        });
        let snapshot: unknown;
        try {
          snapshot = JSON.parse(text);
        } catch (error) {
          throw new InvalidArgument(`not a JSON snapshot: ${(error as Error).message}`, { path: file });
        }
        const here = state.here;
        await here.run(() => importTree(here.store, snapshot, { into: here.path }));
        print(`loaded ${file} into ${state.label}`);
      },
    },
  };
  for (const [name, command] of Object.entries(commands)) {
    repl.defineCommand(name, {
      help: command.help,
      action(this: REPLServer, arg: string) {
        const print = (text: string): void => void this.output.write(`${text}\n`);
        command.run(arg.trim(), print).then(
          () => this.displayPrompt(),
          (error: unknown) => deps.failed(error),
        );
      },
    });
  }
}

function requireArg(arg: string, usage: string, cwd: string): string {
  if (arg === "") throw new InvalidArgument(`usage: ${usage}`);
  return nodePath.resolve(cwd, arg);
}
