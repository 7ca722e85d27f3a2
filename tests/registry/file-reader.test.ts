import { beforeEach, describe, expect, it, vi } from "vitest";
import { configErrorOf, locations } from "./config-errors.js";

const failure: { code: string | undefined } = vi.hoisted(() => ({ code: "EACCES" }));

vi.mock("node:fs/promises", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:fs/promises")>();
  return {
    ...original,
    readFile: (path: string) => {
      const error = Object.assign(new Error(`simulated ${failure.code ?? "failure"}: ${path}`), failure.code === undefined ? {} : { code: failure.code });
      return Promise.reject(error);
    },
  };
});

const { readConfigFile } = await import("../../src/node/file-reader.js");

describe("the Node file reader", () => {
  beforeEach(() => {
    failure.code = "EACCES";
  });

  for (const code of ["EACCES", "EPERM", "EIO", undefined]) {
    it(`REG-031 a read failure (${code ?? "no code"}) is a ConfigError naming the file, with the cause`, async () => {
      failure.code = code;
      const error = await configErrorOf(() => readConfigFile("/etc/app/config.yaml"));
      expect(locations(error)).toEqual(["/etc/app/config.yaml"]);
      expect((error.cause as { code?: string }).code).toBe(code);
    });
  }
});
