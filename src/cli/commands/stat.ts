import { Command } from "commander";
import { formatSize, plural } from "../format/size.js";
import { formatTime } from "../format/style.js";
import { renderTable } from "../format/table.js";
import { kindOf } from "./inspect-location.js";
import { examples, humanOptions, jsonOption } from "./options.js";
import type { Runner } from "./runner.js";

interface StatOptions {
  readonly json?: boolean;
  readonly human?: boolean;
}

/** `stat <location> [--json]` (spec CLI-043). */
export function statCommand(run: Runner): Command {
  const command = new Command("stat")
    .description("show a file's size, time, content type and metadata, or a folder's totals")
    .argument("<location>", "file or folder")
    .addOption(jsonOption());
  for (const option of humanOptions()) command.addOption(option);
  return command
    .addHelpText("after", examples(["remote-store stat reports:2026/q1.csv", "remote-store stat --json reports:2026"]))
    .action(
      run<StatOptions>(async (ctx, [spec], options) => {
        const location = ctx.session.location(spec as string);
        const style = ctx.style(options.human);
        const size = (bytes: number): string => (style.human && bytes >= 1024 ? `${formatSize(bytes, true)} (${bytes} bytes)` : formatSize(bytes, style.human));
        let rows: string[][];
        if ((await kindOf(location)) === "file") {
          const info = await location.run(() => location.store.getFileInfo(location.path));
          if (options.json === true) return ctx.printJson(info);
          rows = [
            ["location", location.display()],
            ["kind", "file"],
            ["size", size(info.size)],
            ["modified", formatTime(info.modifiedAt, style.human)],
            ["content type", info.contentType ?? "-"],
            ["metadata", info.metadata === undefined ? "-" : Object.entries(info.metadata).map(([k, v]) => `${k}=${v}`).join(", ")],
          ];
        } else {
          const info = await location.run(() => location.store.getFolderInfo(location.path));
          if (options.json === true) return ctx.printJson({ kind: "folder", ...info });
          rows = [
            ["location", location.display()],
            ["kind", "folder"],
            ["files", plural(info.fileCount, "file")],
            ["size", size(info.totalSize)],
            ["modified", formatTime(info.modifiedAt, style.human)],
          ];
        }
        await ctx.print(renderTable(rows.map(([key, value]) => [`${key}:`, value ?? ""]), { tty: style.tty }));
      }),
    );
}
