import { Command } from "commander";
import { syncStores, type SyncResult } from "../../ext/transfer/index.js";
import { failuresError } from "../errors/cli-errors.js";
import { reportError } from "../errors/report-error.js";
import { colorsFor } from "../io.js";
import { humanSize } from "../format/size.js";
import { requireFolder } from "./inspect-location.js";
import { collect, examples, integerAtLeast, jsonOption } from "./options.js";
import type { Runner } from "./runner.js";

interface SyncCliOptions {
  readonly dryRun?: boolean;
  readonly delete?: boolean;
  readonly checksum?: boolean;
  readonly include?: string[];
  readonly exclude?: string[];
  readonly concurrency?: number;
  readonly json?: boolean;
}

/** `sync <src> <dst> [--dry-run] [--delete] [--checksum] …` (spec CLI-053). */
export function syncCommand(run: Runner): Command {
  return new Command("sync")
    .description("make the destination folder look like the source folder (one way)")
    .argument("<src>", "source folder")
    .argument("<dst>", "destination folder (created as needed)")
    .option("-n, --dry-run", "only print what would be done")
    .option("--delete", "delete destination files the source lacks")
    .option("--checksum", "compare contents (SHA-256) instead of size and modification time")
    .option("--include <pattern>", "only paths matching this glob take part (repeatable)", collect)
    .option("--exclude <pattern>", "paths matching this glob never take part (repeatable)", collect)
    .option("--concurrency <n>", "files copied at once", integerAtLeast(1), 4)
    .addOption(jsonOption())
    .addHelpText("after", examples(["remote-store sync --dry-run reports: file:./backup", "remote-store sync --delete --exclude 'tmp/**' file:./site web:", "remote-store sync --checksum --json a: b:"]))
    .action(
      run<SyncCliOptions>(async (ctx, [src, dst], options) => {
        const from = ctx.session.location(src as string);
        await requireFolder(from, "sync");
        const source = from.folder();
        const destination = (await ctx.destination(dst as string)).folder();
        using interrupt = ctx.interrupt();
        const progress = ctx.progress("sync");
        let result: SyncResult;
        try {
          result = await syncStores(source.store, destination.store, {
            dryRun: options.dryRun === true,
            deleteExtra: options.delete === true,
            compare: options.checksum === true ? "checksum" : "size-mtime",
            ...(options.include === undefined ? {} : { include: options.include }),
            ...(options.exclude === undefined ? {} : { exclude: options.exclude }),
            ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
            onProgress: (state) => {
              interrupt.check();
              progress.update(state);
            },
          });
        } catch (error) {
          throw destination.label(error);
        } finally {
          progress.stop();
        }
        const errors = [...result.errors].map(([path, error]) => ({ path, code: error.code, message: error.message }));
        if (options.json === true) await ctx.printJson({ ...result, errors });
        else await ctx.print(describeResult(result));
        const colors = colorsFor(ctx.io.stderr, ctx.io.env, ctx.globals.color);
        for (const error of result.errors.values()) {
          ctx.io.stderr.write(`${reportError(destination.label(error), { debug: ctx.globals.debug, colors }).lines.join("\n")}\n`);
        }
        if (errors.length > 0) throw failuresError(`sync finished with ${errors.length} failed path${errors.length === 1 ? "" : "s"}`);
      }),
    );
}

/** The plan lines of a dry run, or the summary of a real run (spec CLI-053). */
function describeResult(result: SyncResult): string[] {
  const { plan } = result;
  if (result.dryRun) {
    const lines = [
      ...plan.deletes.map((path) => `delete  ${path}`),
      ...plan.deleteFolders.map((path) => `rmdir   ${path}/`),
      ...plan.createFolders.map((path) => `mkdir   ${path}/`),
      ...plan.creates.map((path) => `create  ${path}`),
      ...plan.updates.map((path) => `update  ${path}`),
    ];
    lines.push(`dry run: ${plan.creates.length} to create, ${plan.updates.length} to update, ${plan.deletes.length} to delete, ${plan.skips.length} unchanged`);
    return lines;
  }
  return [`created ${result.created}, updated ${result.updated}, deleted ${result.deleted}, unchanged ${result.skipped}, ${humanSize(result.bytesCopied)} copied`];
}
