import type { Entry } from "../../contract/models.js";
import { formatSize } from "./size.js";
import { formatTime, type OutputStyle } from "./style.js";
import { renderTable, type Align } from "./table.js";

/** A name as listed: folders get a trailing `/` and colour. */
export function entryName(entry: Entry, name: string, style: OutputStyle): string {
  return entry.kind === "folder" ? style.colors.blue(style.colors.bold(`${name}/`)) : name;
}

/** The long-format rows (`kind size modified name`, spec CLI-040) of entries, shown by `nameOf`. */
export function longRows(entries: readonly Entry[], style: OutputStyle, nameOf: (entry: Entry) => string): string[] {
  const rows = entries.map((entry) => [
    entry.kind,
    entry.kind === "file" ? formatSize(entry.size, style.human) : "-",
    entry.kind === "file" ? formatTime(entry.modifiedAt, style.human) : "-",
    entryName(entry, nameOf(entry), style),
  ]);
  const align: Align[] = ["left", "right", "left", "left"];
  return renderTable(rows, { tty: style.tty, align });
}
