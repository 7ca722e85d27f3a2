import type { FileInfo } from "../../contract/models.js";
import type { ObjectHead } from "./object-api.js";

/**
 * The `FileInfo` of an object (spec S3-040): size and content type as stored, user metadata
 * decoded, and as modification time the time a move carried over, else S3's `LastModified`
 * (whole seconds).
 */
export function fileInfo(path: string, head: ObjectHead): FileInfo {
  const info: FileInfo = {
    kind: "file",
    path,
    name: path.slice(path.lastIndexOf("/") + 1),
    size: head.size,
    modifiedAt: new Date(modifiedTime(head)),
    ...(head.contentType === undefined ? {} : { contentType: head.contentType }),
    ...(head.metadata === undefined ? {} : { metadata: head.metadata }),
  };
  return Object.freeze(info);
}

/** The file's modification time in milliseconds (spec S3-040). */
export function modifiedTime(head: ObjectHead): number {
  return head.mtime ?? head.lastModified.getTime();
}
