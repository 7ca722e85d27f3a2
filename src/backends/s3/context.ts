import type { KeyedLock } from "../../shared/concurrency/keyed-lock.js";
import type { KeyMap } from "./keys.js";
import type { ObjectApi } from "./object-api.js";
import type { S3Settings } from "./s3-options.js";

/** What every part of the S3 backend works with: the requests, the key mapping, the settings and the per-key lock. */
export interface S3Context {
  readonly api: ObjectApi;
  readonly keys: KeyMap;
  readonly settings: S3Settings;
  readonly lock: KeyedLock;
}
