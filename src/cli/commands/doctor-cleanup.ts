import type { Backend } from "../../contract/backend.js";
import type { MultipartOperations } from "../../contract/backend-extensions.js";
import { Store } from "../../store/store.js";

/**
 * Leaves the store as doctor found it (spec CLI-057): on a fresh backend, aborts every multipart
 * upload whose path lies below the scratch folder — a case that fails half-way leaves its upload
 * behind, and on S3 it would be billed — then removes the folder. Best effort: it never throws,
 * so that it can run after a failure or an interrupt.
 *
 * @param create makes a fresh backend like the one the cases ran on.
 * @param scratch the backend path of doctor's scratch folder.
 */
export async function removeScratch(create: () => Backend | Promise<Backend>, scratch: string): Promise<void> {
  let store: Store | undefined;
  try {
    const backend = await create();
    store = new Store({ backend });
    const serving = backend.ready === undefined ? backend : await backend.ready();
    if (serving.capabilities.has("multipart") && hasMultipart(serving)) {
      for (const upload of await serving.listMultipartUploads()) {
        if (upload.path.startsWith(`${scratch}/`)) await serving.abortMultipartUpload(upload.uploadId).catch(ignore);
      }
    }
    await store.deleteFolder(scratch, { recursive: true, missingOk: true });
  } catch {
    // Best effort: the cases clean up after themselves as far as they get.
  } finally {
    await store?.close().catch(ignore);
  }
}

function hasMultipart(backend: Backend): backend is Backend & MultipartOperations {
  const candidate = backend as Partial<MultipartOperations>;
  return typeof candidate.listMultipartUploads === "function" && typeof candidate.abortMultipartUpload === "function";
}

function ignore(): void {
  // Cleanup is best effort.
}
