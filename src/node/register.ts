import { Buffer } from "node:buffer";
import { setUnfilledAllocator } from "../backends/memory/file-content.js";
import { definitionOf, registerBackendType } from "../registry/backend-types.js";
import { configFileReader, setConfigFileReader } from "../registry/file-reader.js";
import { readConfigFile } from "./file-reader.js";
import { createLocalBackend, localOptionsSchema, parseFileUrl } from "./local-type.js";

/**
 * Installs the Node-only parts of the registry (spec REG-026, REG-031, REG-044): the file reader
 * of `Registry.fromFile` and the `local` backend type with its `file:` URLs. Idempotent; leaves
 * a reader or `local` type that is already installed alone. Also lets the memory backend allocate
 * the arrays its large copies overwrite without zero-filling them first (spec MEM-004).
 */
export function registerNodeSupport(): void {
  setUnfilledAllocator((size) => Buffer.allocUnsafeSlow(size));
  if (configFileReader() === undefined) setConfigFileReader(readConfigFile);
  if (definitionOf("local") === undefined) {
    registerBackendType("local", createLocalBackend, {
      schema: localOptionsSchema,
      url: { scheme: "file", parse: parseFileUrl },
    });
  }
}
