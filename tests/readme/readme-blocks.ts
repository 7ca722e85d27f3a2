/**
 * The fenced code blocks of a Markdown file, with the `readme-test` comment right above each one
 * (spec TEST-012): `<!-- readme-test: skip — <reason> -->` leaves a `ts` block out, with its
 * reason; `<!-- readme-test: file <name> -->` writes a block's text into the working folder under
 * that name, before the `ts` blocks after it run.
 */
export interface CodeBlock {
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The fence's info string (`ts`, `yaml`, … or empty). */
  readonly lang: string;
  /** The block's text, without the fence's indentation. */
  readonly code: string;
  /** Set when a skip comment is right above the block: its reason (may be empty: an error). */
  readonly skip?: string;
  /** Set when a file comment is right above the block: the file name. */
  readonly file?: string;
  /** A `readme-test` comment above the block that is neither form (an error). */
  readonly badComment?: string;
}

const OPEN = /^(\s*)```(\S*)\s*$/;
const COMMENT = /^\s*<!--\s*readme-test:\s*(.*?)\s*-->\s*$/;
const SKIP = /^skip\s*(?:[—–-]\s*(.*))?$/;
const FILE = /^file\s+(\S+)$/;

export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split("\n");
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!);
    if (open === null) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() !== "```") body.push(lines[j++]!.slice(indent));
    const comment = i > 0 ? COMMENT.exec(lines[i - 1]!) : null;
    let extra: Pick<CodeBlock, "skip" | "file" | "badComment"> = {};
    if (comment !== null) {
      const skip = SKIP.exec(comment[1]!);
      const file = FILE.exec(comment[1]!);
      if (skip !== null) extra = { skip: (skip[1] ?? "").trim() };
      else if (file !== null) extra = { file: file[1]! };
      else extra = { badComment: lines[i - 1]!.trim() };
    }
    blocks.push({ line: i + 1, lang: open[2]!, code: `${body.join("\n")}\n`, ...extra });
    i = j;
  }
  return blocks;
}

/**
 * A block that is a test file of its own: it declares vitest cases (`it(`, `test(`, `describe(`,
 * `it.each(…)`, or a helper such as `describeBackendConformance(`).
 */
export function isTestBlock(code: string): boolean {
  return /(?<![\w.])(?:it|test|describe\w*)(?:\.\w+)*\s*\(/.test(code);
}
