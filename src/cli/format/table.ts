/** Column alignment. */
export type Align = "left" | "right";

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** The printed width of a cell (colour codes take no room). */
export function visibleWidth(text: string): number {
  return [...text.replace(ANSI, "")].length;
}

/**
 * Lays out rows (spec CLI-030): on a terminal, columns padded to their widest cell and joined by
 * two spaces (the last column is not padded); for scripts, cells joined by one tab.
 */
export function renderTable(rows: readonly (readonly string[])[], options: { tty: boolean; align?: readonly Align[] }): string[] {
  if (!options.tty) return rows.map((row) => row.join("\t"));
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleWidth(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => {
        if (i === row.length - 1 && options.align?.[i] !== "right") return cell;
        const pad = " ".repeat((widths[i] ?? 0) - visibleWidth(cell));
        return options.align?.[i] === "right" ? pad + cell : cell + pad;
      })
      .join("  "),
  );
}
