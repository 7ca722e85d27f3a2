import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { parseJsonStrict, TextSyntaxError } from "../../src/registry/json-parse.js";

function offsetOf(fn: () => unknown): number {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(TextSyntaxError);
  return (thrown as TextSyntaxError).offset;
}

describe("strict JSON parser (REG-032)", () => {
  test.prop([fc.jsonValue()])("REG-032 parses whatever JSON.stringify writes, like JSON.parse", (value) => {
    const text = JSON.stringify(value, null, 1);
    expect(parseJsonStrict(text)).toEqual(JSON.parse(text));
  });

  const nearJson = fc.oneof(
    fc.string(),
    fc
      .tuple(fc.jsonValue(), fc.nat(), fc.nat(3), fc.constantFrom(..."{}[],:\"0-.eE tn\\u1"))
      .map(([value, at, mode, char]) => {
        const text = JSON.stringify(value);
        const i = at % (text.length + 1);
        if (mode === 0) return text.slice(0, i) + text.slice(i + 1);
        if (mode === 1) return text.slice(0, i) + char + text.slice(i + 1);
        return text.slice(0, i) + char + text.slice(i);
      }),
  );

  test.prop([nearJson], { numRuns: 500 })("REG-032 accepts exactly what JSON.parse accepts, except repeated keys", (text) => {
    let expected: { ok: true; value: unknown } | { ok: false };
    try {
      expected = { ok: true, value: JSON.parse(text) };
    } catch {
      expected = { ok: false };
    }
    let actual: { ok: true; value: unknown } | { ok: false; error: unknown };
    try {
      actual = { ok: true, value: parseJsonStrict(text) };
    } catch (error) {
      actual = { ok: false, error };
    }
    if (!actual.ok) {
      expect(actual.error).toBeInstanceOf(TextSyntaxError);
      if (expected.ok) expect((actual.error as Error).message).toMatch(/^duplicate key/);
    } else {
      expect(expected.ok).toBe(true);
      if (expected.ok) expect(actual.value).toEqual(expected.value);
    }
  });

  it("REG-032 rejects what JSON.parse rejects, at the right offset", () => {
    expect(offsetOf(() => parseJsonStrict('{"a": 1,}'))).toBe(8);
    expect(offsetOf(() => parseJsonStrict("[1, 2,]"))).toBe(6);
    expect(offsetOf(() => parseJsonStrict("[01]"))).toBe(1);
    expect(offsetOf(() => parseJsonStrict('"a\tb"'))).toBe(2);
    expect(offsetOf(() => parseJsonStrict('"\\x"'))).toBe(1);
    expect(offsetOf(() => parseJsonStrict("{} x"))).toBe(3);
    expect(offsetOf(() => parseJsonStrict(""))).toBe(0);
    expect(offsetOf(() => parseJsonStrict('{"a" 1}'))).toBe(5);
    expect(offsetOf(() => parseJsonStrict("[1 2]"))).toBe(3);
  });

  it("REG-032 a repeated key is an error at the second key", () => {
    expect(offsetOf(() => parseJsonStrict('{"a": 1, "b": {"a": 1, "a": 2}}'))).toBe(23);
  });

  it("REG-032 __proto__ is an ordinary own key", () => {
    const value = parseJsonStrict('{"__proto__": {"polluted": true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
