import { describe, expect, it } from "vitest";
import { codeBlocks, isTestBlock } from "./readme-blocks.js";

describe("TEST-012 reading README blocks and their readme-test comments", () => {
  const md = [
    "text",
    "<!-- readme-test: skip — needs a bucket -->",
    "```ts",
    "a();",
    "```",
    "<!-- readme-test: skip -->",
    "```ts",
    "b();",
    "```",
    "**YAML**",
    "<!-- readme-test: file stores.yaml -->",
    "```yaml",
    "x: 1",
    "```",
    "- item:",
    "  <!-- readme-test: skipp — typo -->",
    "  ```ts",
    "  c();",
    "  ```",
    "```ts",
    "d();",
    "```",
  ].join("\n");

  it("takes the comment right above a fence, dedents indented blocks, and flags reasonless skips and unknown forms", () => {
    expect(codeBlocks(md)).toEqual([
      { line: 3, lang: "ts", code: "a();\n", skip: "needs a bucket" },
      { line: 7, lang: "ts", code: "b();\n", skip: "" },
      { line: 12, lang: "yaml", code: "x: 1\n", file: "stores.yaml" },
      { line: 17, lang: "ts", code: "c();\n", badComment: "<!-- readme-test: skipp — typo -->" },
      { line: 20, lang: "ts", code: "d();\n" },
    ]);
  });

  it("tells test files (cases, suites, suite helpers) from modules", () => {
    expect(isTestBlock('test("x", () => {});')).toBe(true);
    expect(isTestBlock('it.each([1])("x", () => {});')).toBe(true);
    expect(isTestBlock('describeBackendConformance("X", {});')).toBe(true);
    expect(isTestBlock("regex.test(name); submit(x); const latest = edit(1);")).toBe(false);
  });
});
