import type { MultipartUpload } from "../multipart-upload.js";
import type { Store } from "../store.js";
import type { StoreMethodOperation, UploadOperation } from "./operations.js";

type Args = never[];

/**
 * How each Store operation reaches the inner store: one small function per operation, so that
 * every call site stays monomorphic (a keyed `inner[operation](...)` would not). `child` and
 * `startMultipartUpload` are wrapped by the caller.
 */
export const STORE_DISPATCH: { readonly [K in StoreMethodOperation]: (inner: Store, args: Args) => unknown } = {
  supports: (s, a) => s.supports(...(a as unknown as Parameters<Store["supports"]>)),
  exists: (s, a) => s.exists(...(a as unknown as Parameters<Store["exists"]>)),
  isFile: (s, a) => s.isFile(...(a as unknown as Parameters<Store["isFile"]>)),
  isFolder: (s, a) => s.isFolder(...(a as unknown as Parameters<Store["isFolder"]>)),
  read: (s, a) => s.read(...(a as unknown as Parameters<Store["read"]>)),
  readBytes: (s, a) => s.readBytes(...(a as unknown as Parameters<Store["readBytes"]>)),
  readText: (s, a) => s.readText(...(a as unknown as Parameters<Store["readText"]>)),
  write: (s, a) => s.write(...(a as unknown as Parameters<Store["write"]>)),
  writeText: (s, a) => s.writeText(...(a as unknown as Parameters<Store["writeText"]>)),
  writeAtomic: (s, a) => s.writeAtomic(...(a as unknown as Parameters<Store["writeAtomic"]>)),
  delete: (s, a) => s.delete(...(a as unknown as Parameters<Store["delete"]>)),
  deleteFolder: (s, a) => s.deleteFolder(...(a as unknown as Parameters<Store["deleteFolder"]>)),
  listFiles: (s, a) => s.listFiles(...(a as unknown as Parameters<Store["listFiles"]>)),
  listFolders: (s, a) => s.listFolders(...(a as unknown as Parameters<Store["listFolders"]>)),
  iterChildren: (s, a) => s.iterChildren(...(a as unknown as Parameters<Store["iterChildren"]>)),
  glob: (s, a) => s.glob(...(a as unknown as Parameters<Store["glob"]>)),
  getFileInfo: (s, a) => s.getFileInfo(...(a as unknown as Parameters<Store["getFileInfo"]>)),
  getFolderInfo: (s, a) => s.getFolderInfo(...(a as unknown as Parameters<Store["getFolderInfo"]>)),
  move: (s, a) => s.move(...(a as unknown as Parameters<Store["move"]>)),
  copy: (s, a) => s.copy(...(a as unknown as Parameters<Store["copy"]>)),
  createFolder: (s, a) => s.createFolder(...(a as unknown as Parameters<Store["createFolder"]>)),
  moveFolder: (s, a) => s.moveFolder(...(a as unknown as Parameters<Store["moveFolder"]>)),
  copyFolder: (s, a) => s.copyFolder(...(a as unknown as Parameters<Store["copyFolder"]>)),
  startMultipartUpload: (s, a) => s.startMultipartUpload(...(a as unknown as Parameters<Store["startMultipartUpload"]>)),
  listMultipartUploads: (s) => s.listMultipartUploads(),
  child: (s, a) => s.child(...(a as unknown as Parameters<Store["child"]>)),
  url: (s, a) => s.url(...(a as unknown as Parameters<Store["url"]>)),
  watch: (s, a) => s.watch(...(a as unknown as Parameters<Store["watch"]>)),
  close: (s) => s.close(),
};

/** How each upload operation reaches the inner upload handle. */
export const UPLOAD_DISPATCH: { readonly [K in UploadOperation]: (inner: MultipartUpload, args: Args) => unknown } = {
  uploadPart: (u, a) => u.uploadPart(...(a as unknown as Parameters<MultipartUpload["uploadPart"]>)),
  listParts: (u) => u.listParts(),
  completeMultipartUpload: (u, a) => u.complete(...(a as unknown as Parameters<MultipartUpload["complete"]>)),
  abortMultipartUpload: (u) => u.abort(),
};
