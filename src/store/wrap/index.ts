export { wrapStore } from "./wrap-store.js";
export { WrappedStore } from "./wrapped-store.js";
export { WrappedUpload } from "./wrapped-upload.js";
export type { StoreLayer, StoreCall, CallOf } from "./layer.js";
export { STORE_OPERATIONS, type StoreOperation, type UploadOperation, type SignatureOf } from "./operations.js";
