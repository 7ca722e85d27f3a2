import { Command } from "commander";
import { renderTable } from "../format/table.js";
import { configNamesHint } from "../session/config-discovery.js";
import { examples, jsonOption } from "./options.js";
import type { Runner } from "./runner.js";

interface StoresOptions {
  readonly json?: boolean;
}

/** `stores [--json]` (spec CLI-054). */
export function storesCommand(run: Runner): Command {
  return new Command("stores")
    .description("list the configured stores (secrets shown as ***)")
    .addOption(jsonOption())
    .addHelpText("after", examples(["remote-store stores", "remote-store --config prod.yaml stores --json"]))
    .action(
      run<StoresOptions>(async (ctx, _args, options) => {
        const { session } = ctx;
        const description = session.registry?.toJSON();
        const stores: Record<string, { backend: string; type: string; rootPath: string; options: Readonly<Record<string, unknown>>; url?: string }> = {};
        for (const [name, store] of Object.entries(description?.stores ?? {})) {
          const backend = description!.backends[store.backend]!;
          stores[name] = { backend: store.backend, type: backend.type, rootPath: store.rootPath, options: backend.options, ...(backend.url === undefined ? {} : { url: backend.url }) };
        }
        const defaultStore = session.defaultStoreInfo;
        if (options.json === true) return ctx.printJson({ config: session.config.path ?? null, defaultStore, stores });
        const style = ctx.style();
        const lines = [
          session.config.path === undefined ? `config: none (looked for ${configNamesHint()}; or pass --config / set REMOTE_STORE_CONFIG)` : `config: ${session.config.path} (from ${session.config.source})`,
          `default store: ${defaultStore.origin}${defaultStore.source === "memory" ? " (in-memory, empty at start)" : defaultStore.source === "local" ? " (plain paths are local files)" : ""}`,
        ];
        const rows = Object.entries(stores).map(([name, store]) => [
          style.colors.bold(name),
          `${store.backend} (${store.type})`,
          store.rootPath === "" ? "/" : store.rootPath,
          store.url ?? (Object.keys(store.options).length === 0 ? "-" : JSON.stringify(store.options)),
        ]);
        if (rows.length > 0) lines.push("", ...renderTable([["store", "backend", "root", "options"].map((h) => style.colors.dim(h)), ...rows], { tty: style.tty }));
        await ctx.print(lines);
      }),
    );
}
