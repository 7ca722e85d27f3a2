export { Registry } from "./registry.js";
export { openStore } from "./open-store.js";
export { registerBackendType, registeredBackendTypes } from "./backend-types.js";
export { registerStoreWrapper, type StoreWrapperType, type WrapperIssue } from "./store-wrappers.js";
export type {
  BackendFactory,
  BackendTypeDescription,
  BackendTypeOptions,
  BackendUrlSupport,
  BackendUrlParts,
} from "../shared/backend-types/backend-type.js";
export { setConfigFileReader, type ConfigFileReader } from "./file-reader.js";
export type {
  RegistryConfig,
  BackendConfig,
  BackendEntry,
  StoreConfig,
  RegistryOptions,
  FromTextOptions,
  FromFileOptions,
} from "./config-types.js";
export type { ConfigFormat } from "./parse-text.js";
export type { TablePath } from "./table.js";
export type { EnvRecord } from "./env.js";
export type { RegistryDescription, BackendDescription, StoreDescription } from "./describe.js";
