import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import type { Store } from "../../store/store.js";
import type { SyncStore } from "../../store/sync-store.js";
import type { AsyncPerformer, Effect, SyncPerformer } from "./effects.js";

/** No explicit content type: on local disk a type that differs from the guess costs a side file per key. */
const WRITE = { overwrite: true } as const;
const MISSING_OK = { missingOk: true } as const;
/** One decoder for every read (the Store's `readText` builds one per call). */
const decoder = new TextDecoder();
const RECURSIVE = { recursive: true } as const;

/** A missing file, a path below a file, or a folder where a file was expected. */
function isAbsent(error: unknown): boolean {
  return isRemoteStoreError(error, "NOT_FOUND") || isRemoteStoreError(error, "INVALID_PATH");
}

/** A folder that could not be removed because it is not empty (or is not a folder). */
function isKept(error: unknown): boolean {
  return isRemoteStoreError(error, "DIRECTORY_NOT_EMPTY") || isRemoteStoreError(error, "INVALID_PATH") || isRemoteStoreError(error, "NOT_FOUND");
}

/** Performs effects on a `SyncStore` (the synchronous view and the memory fast path). */
export function syncPerformer(store: SyncStore): SyncPerformer {
  const removeFolder = (path: string): boolean => {
    try {
      store.deleteFolder(path, MISSING_OK);
      return true;
    } catch (error) {
      if (isKept(error)) return false;
      throw error;
    }
  };
  return (effect: Effect): unknown => {
    switch (effect.op) {
      case "read":
        try {
          return decoder.decode(store.readBytes(effect.path));
        } catch (error) {
          if (isAbsent(error)) return undefined;
          throw error;
        }
      case "write":
        return void store.write(effect.path, effect.text, WRITE);
      case "remove":
        return store.delete(effect.path, MISSING_OK);
      case "removeFolder":
        return removeFolder(effect.path);
      case "pruneTree":
        for (const folder of store.listFolders(effect.path, RECURSIVE).reverse()) removeFolder(folder.path);
        return removeFolder(effect.path);
      case "isFolder":
        return store.isFolder(effect.path);
      case "list":
        return store.listFiles(effect.path, RECURSIVE).map((file) => file.path);
      case "clear":
        for (const entry of store.iterChildren("")) {
          if (entry.kind === "file") store.delete(entry.path, MISSING_OK);
          else store.deleteFolder(entry.path, { recursive: true, missingOk: true });
        }
        return undefined;
    }
  };
}

/** Performs effects on an async `Store` (every backend). */
export function asyncPerformer(store: Store): AsyncPerformer {
  const removeFolder = async (path: string): Promise<boolean> => {
    try {
      await store.deleteFolder(path, MISSING_OK);
      return true;
    } catch (error) {
      if (isKept(error)) return false;
      throw error;
    }
  };
  return async (effect: Effect): Promise<unknown> => {
    switch (effect.op) {
      case "read":
        try {
          return decoder.decode(await store.readBytes(effect.path));
        } catch (error) {
          if (isAbsent(error)) return undefined;
          throw error;
        }
      case "write":
        return void (await store.write(effect.path, effect.text, WRITE));
      case "remove":
        return store.delete(effect.path, MISSING_OK);
      case "removeFolder":
        return removeFolder(effect.path);
      case "pruneTree": {
        const folders = await store.listFolders(effect.path, RECURSIVE).toArray();
        for (const folder of folders.reverse()) await removeFolder(folder.path);
        return removeFolder(effect.path);
      }
      case "isFolder":
        return store.isFolder(effect.path);
      case "list":
        return (await store.listFiles(effect.path, RECURSIVE).toArray()).map((file) => file.path);
      case "clear":
        for (const entry of await store.iterChildren("").toArray()) {
          if (entry.kind === "file") await store.delete(entry.path, MISSING_OK);
          else await store.deleteFolder(entry.path, { recursive: true, missingOk: true });
        }
        return undefined;
    }
  };
}
