/** A syntax error at a character offset of the parsed text. */
export class TextSyntaxError extends Error {
  /** Zero-based offset of the problem in the text. */
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/**
 * Parses strict JSON (RFC 8259) like `JSON.parse`, but reports where a problem is and treats a
 * key repeated in one object as an error (spec REG-032). Objects are plain objects; a
 * `__proto__` key is an ordinary own property.
 */
export function parseJsonStrict(text: string): unknown {
  const parser = new JsonParser(text);
  const value = parser.value();
  parser.skipSpace();
  if (!parser.atEnd()) parser.fail(`unexpected ${parser.describeHere()} after the end of the JSON value`);
  return value;
}

class JsonParser {
  private pos = 0;
  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  skipSpace(): void {
    while (this.pos < this.text.length) {
      const c = this.text[this.pos];
      if (c !== " " && c !== "\t" && c !== "\n" && c !== "\r") return;
      this.pos++;
    }
  }

  fail(message: string, at = this.pos): never {
    throw new TextSyntaxError(message, at);
  }

  describeHere(): string {
    if (this.atEnd()) return "end of input";
    const code = this.text.codePointAt(this.pos)!;
    return code < 0x20 ? `control character U+${code.toString(16).padStart(4, "0").toUpperCase()}` : `character ${JSON.stringify(String.fromCodePoint(code))}`;
  }

  value(): unknown {
    this.skipSpace();
    const c = this.text[this.pos];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.number();
    for (const [word, result] of [["true", true], ["false", false], ["null", null]] as const) {
      if (this.text.startsWith(word, this.pos)) {
        this.pos += word.length;
        return result;
      }
    }
    return this.fail(`expected a JSON value, found ${this.describeHere()}`);
  }

  private object(): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const seen = new Set<string>();
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') {
        this.fail(this.text[this.pos] === "}" ? "trailing comma before '}'" : `expected a double-quoted key, found ${this.describeHere()}`);
      }
      const keyAt = this.pos;
      const key = this.string();
      if (seen.has(key)) this.fail(`duplicate key ${JSON.stringify(key)}`, keyAt);
      seen.add(key);
      this.skipSpace();
      if (this.text[this.pos] !== ":") this.fail(`expected ':' after key ${JSON.stringify(key)}, found ${this.describeHere()}`);
      this.pos++;
      Object.defineProperty(result, key, { value: this.value(), enumerable: true, writable: true, configurable: true });
      this.skipSpace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === "}") return result;
      if (c !== ",") this.fail(`expected ',' or '}' after a value, found ${this.describeBack()}`, this.pos - 1);
    }
  }

  private array(): unknown[] {
    const result: unknown[] = [];
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return result;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === "]") this.fail("trailing comma before ']'");
      result.push(this.value());
      this.skipSpace();
      const c = this.text[this.pos];
      this.pos++;
      if (c === "]") return result;
      if (c !== ",") this.fail(`expected ',' or ']' after a value, found ${this.describeBack()}`, this.pos - 1);
    }
  }

  private describeBack(): string {
    this.pos--;
    const description = this.describeHere();
    this.pos++;
    return description;
  }

  private string(): string {
    const start = this.pos;
    this.pos++;
    let out = "";
    for (;;) {
      if (this.atEnd()) this.fail("unterminated string", start);
      const c = this.text[this.pos]!;
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c < " ") this.fail(`${this.describeHere()} inside a string (escape it)`);
      if (c !== "\\") {
        out += c;
        this.pos++;
        continue;
      }
      const e = this.text[this.pos + 1];
      if (e === "u") {
        const hex = this.text.slice(this.pos + 2, this.pos + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail("invalid \\u escape (needs four hex digits)");
        out += String.fromCharCode(parseInt(hex, 16));
        this.pos += 6;
      } else if (e !== undefined && ESCAPES[e] !== undefined) {
        out += ESCAPES[e];
        this.pos += 2;
      } else {
        this.fail(`invalid escape "\\${e ?? ""}" in a string`);
      }
    }
  }

  private number(): number {
    const start = this.pos;
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(this.text);
    if (match === null) return this.fail("invalid number");
    this.pos += match[0].length;
    const next = this.text[this.pos];
    if (next !== undefined && /[0-9.eE+-]/.test(next)) this.fail("invalid number", start);
    return Number(match[0]);
  }
}
