import type { MultipartUploadInfo } from "../contract/backend-extensions.js";
import { normalizeFilePath } from "../paths/normalize.js";
import { isWithin } from "../paths/path-parts.js";
import { DEFAULT_CONTENT_TYPE, loadMimeLookup, resolveContentType } from "./content-type.js";
import { validateMetadata } from "./metadata.js";
import { MultipartUpload, type MultipartContext } from "./multipart-upload.js";
import { booleanOption, optionsObject, stringOption } from "./options.js";
import type { MultipartOptions } from "./store-options.js";

/**
 * Validates the options of `Store.startMultipartUpload` and starts the upload (spec MP-001):
 * every argument is checked, and `userMetadata` gated, before the backend is asked.
 */
export async function startUpload(context: MultipartContext, path: string, options: MultipartOptions | undefined): Promise<MultipartUpload> {
  const o = optionsObject(options, ["overwrite", "metadata", "contentType"]);
  const overwrite = booleanOption(o.overwrite, "overwrite");
  const metadata = validateMetadata(o.metadata);
  const explicitType = stringOption(o.contentType, "contentType");
  const relative = normalizeFilePath(path);
  if (metadata !== undefined) context.gate("userMetadata");
  if (resolveContentType(relative, explicitType, undefined) === undefined) await loadMimeLookup();
  const contentType = resolveContentType(relative, explicitType, undefined) ?? DEFAULT_CONTENT_TYPE;
  const full = context.scope.toBackend(relative);
  const uploadId = await context.call(() => context.backend.startMultipartUpload(full, { overwrite, contentType, metadata }));
  return new MultipartUpload(context, uploadId, relative);
}

/** The backend's uploads in progress below the store's root, with store-relative paths (spec MP-008). */
export async function uploadsInScope(context: MultipartContext): Promise<MultipartUploadInfo[]> {
  const { scope } = context;
  const uploads = await context.call(() => context.backend.listMultipartUploads());
  return uploads
    .filter((upload) => isWithin(upload.path, scope.root))
    .map((upload) => Object.freeze({ uploadId: upload.uploadId, path: scope.toStore(upload.path), startedAt: new Date(upload.startedAt.getTime()) }));
}
