export {
  RemoteStoreError,
  isRemoteStoreError,
  type ErrorCode,
  type RemoteStoreErrorOptions,
} from "./remote-store-error.js";
export {
  NotFound,
  AlreadyExists,
  InvalidPath,
  DirectoryNotEmpty,
  PermissionDenied,
  CapabilityNotSupported,
  BackendUnavailable,
  QuotaExceeded,
  ConfigError,
  InvalidArgument,
  type CapabilityNotSupportedOptions,
  type ConfigErrorOptions,
} from "./classes.js";
export { quotePath } from "./quote-path.js";
