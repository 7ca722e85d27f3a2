import type { Colors } from "../io.js";
import type { Session } from "../session/session.js";
import { configNamesHint } from "../session/config-discovery.js";

/** The lines a new REPL user sees first (spec CLI-073). */
export function bannerLines(options: { version: string; session: Session; label: string; inMemory: boolean; colors: Colors }): string[] {
  const { colors, session } = options;
  const key = (text: string): string => colors.dim(text.padEnd(8));
  const names = session.storeNames;
  return [
    `${colors.bold(`remote-store ${options.version}`)} REPL ${colors.dim(`(Node ${process.version}; top-level await works; .help lists commands)`)}`,
    `${key("store")}${options.label}${options.inMemory ? colors.dim("  in-memory: starts empty, gone when you exit") : ""}`,
    `${key("config")}${session.config.path ?? colors.dim(`none (looked for ${configNamesHint()}; or --config <file>)`)}`,
    `${key("scope")}store, registry, ${names.length === 0 ? "stores" : names.map((name) => `stores.${name}`).join(", ")}, Store, MemoryBackend, openStore, exportTree, copyBetween, …`,
    `${key("try")}await store.writeText("hello.txt", "hi")   .ls   .tree   .cat hello.txt   .cd <folder>`,
    "",
  ];
}
