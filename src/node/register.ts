import { Buffer } from "node:buffer";
import { setUnfilledAllocator } from "../backends/memory/file-content.js";
import { localBackendType } from "../backends/local/local-type.js";
import { memoryBackendType } from "../backends/memory/memory-type.js";
import { registerBackendTypeHint, registerProvidedType } from "../registry/backend-types.js";
import { S3_TYPE_HINT } from "../shared/backend-types/entry-hints.js";
import { configFileReader, setConfigFileReader } from "../registry/file-reader.js";
import { readConfigFile } from "./file-reader.js";

/**
 * Installs the Node flavour of the registry (spec REG-026, REG-031, REG-044): the file reader
 * of `Registry.fromFile`, the `memory` type, the `local` backend type with its `file:` URLs, and
 * the hint for the `s3` type (REG-024). Idempotent; leaves
 * a reader or `local` type that is already installed alone. Also lets the memory backend allocate
 * the arrays its large copies overwrite without zero-filling them first (spec MEM-004).
 */
export function registerNodeSupport(): void {
  setUnfilledAllocator((size) => Buffer.allocUnsafeSlow(size));
  if (configFileReader() === undefined) setConfigFileReader(readConfigFile);
  registerProvidedType(memoryBackendType);
  registerProvidedType(localBackendType);
  registerBackendTypeHint(S3_TYPE_HINT);
}
