import { definitionOf, registerBackendType } from "../registry/backend-types.js";
import { configFileReader, setConfigFileReader } from "../registry/file-reader.js";
import { readConfigFile } from "./file-reader.js";
import { createLocalBackend, localOptionsSchema, parseFileUrl } from "./local-type.js";

/**
 * Installs the Node-only parts of the registry (spec REG-026, REG-031, REG-044): the file reader
 * of `Registry.fromFile` and the `local` backend type with its `file:` URLs. Idempotent; leaves
 * a reader or `local` type that is already installed alone.
 */
export function registerNodeSupport(): void {
  if (configFileReader() === undefined) setConfigFileReader(readConfigFile);
  if (definitionOf("local") === undefined) {
    registerBackendType("local", createLocalBackend, {
      schema: localOptionsSchema,
      url: { scheme: "file", parse: parseFileUrl },
    });
  }
}
