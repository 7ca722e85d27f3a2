// Hosts s3rver 3.7.1 for the S3 backend tests and benchmark (spec S3-T01, S3-T02).
// Run as `node --openssl-legacy-provider s3rver-host.mjs [bucket...]`: s3rver's listing
// continuation tokens use a DES cipher that OpenSSL 3 only offers through its legacy provider.
// Prints one JSON line `{"port":N,"directory":"..."}` once it listens on 127.0.0.1; stops on
// SIGTERM/SIGINT or when stdin closes (so it never outlives the process that started it), and
// removes its data directory.
//
// Two corrections (spec S3-T02). (1) s3rver's ListObjects walks its storage folders in file-name
// order, which is not key order once a key's name is followed by `._S3rver_object`, and skips
// the folders below a common prefix before it has seen a key there. It so lists keys out of
// order, loses keys across pages, and omits the common prefix of a folder that holds only
// subfolders. `listObjects` below lists like S3: every key under the prefix, in UTF-8 byte order.
// (2) A Range request on an empty object makes s3rver reset the connection; S3 answers 416
// InvalidRange, and so does `getObject` below.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const S3rver = require("s3rver");
const FilesystemStore = require("s3rver/lib/stores/filesystem.js");
const S3Object = require("s3rver/lib/models/object.js");

const OBJECT_SUFFIX = "._S3rver_object";

/** Every key stored below `dir` (a folder of the bucket named by `keyBase`, which ends in "/" or is ""). */
function keysBelow(dir, keyBase, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return;
    throw error;
  }
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (entry.name === "._S3rver_uploads") continue;
      keysBelow(join(dir, entry.name), `${keyBase}${entry.name}/`, out);
    } else if (entry.name.endsWith(OBJECT_SUFFIX)) {
      out.push(keyBase + entry.name.slice(0, -OBJECT_SUFFIX.length));
    }
  }
}

const byBytes = (a, b) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));

FilesystemStore.prototype.listObjects = async function listObjects(bucket, options) {
  const { delimiter = "", startAfter = "", prefix = "", maxKeys = Infinity } = options;
  const folder = prefix.slice(0, prefix.lastIndexOf("/") + 1);
  const all = [];
  keysBelow(join(this.getBucketPath(bucket), ...folder.split("/").filter(Boolean)), folder, all);
  const keys = all.filter((key) => key.startsWith(prefix) && byBytes(key, startAfter) > 0).sort(byBytes);
  const commonPrefixes = new Set();
  const picked = [];
  let isTruncated = false;
  for (const key of keys) {
    const cut = delimiter === "" ? -1 : key.indexOf(delimiter, prefix.length);
    if (cut !== -1) {
      commonPrefixes.add(key.slice(0, cut + delimiter.length));
      continue;
    }
    if (picked.length >= maxKeys) {
      isTruncated = true;
      break;
    }
    picked.push(key);
  }
  const metadata = await Promise.all(picked.map((key) => this.getMetadata(bucket, key).catch((error) => (error.code === "ENOENT" ? undefined : Promise.reject(error)))));
  return {
    objects: picked.flatMap((key, i) => (metadata[i] === undefined ? [] : [new S3Object(bucket, key, null, metadata[i])])),
    commonPrefixes: [...commonPrefixes].sort(byBytes),
    isTruncated,
  };
};

const originalGetObject = FilesystemStore.prototype.getObject;
FilesystemStore.prototype.getObject = async function getObject(bucket, key, options) {
  const object = await originalGetObject.call(this, bucket, key, options);
  const ranged = options !== undefined && (options.start !== undefined || options.end !== undefined);
  if (object !== null && ranged && object.size === 0) {
    object.content?.destroy();
    object.content = null;
    object.range = { start: options.start ?? 0, end: options.end ?? 0 };
  }
  return object;
};

const buckets = process.argv.slice(2);
const directory = mkdtempSync(join(tmpdir(), "rs-s3rver-"));
const server = new S3rver({
  address: "127.0.0.1",
  port: 0,
  silent: true,
  directory,
  configureBuckets: (buckets.length === 0 ? ["remote-store-test"] : buckets).map((name) => ({ name })),
});

// s3rver lets some stream errors escape its request handlers (e.g. completing a multipart
// upload with an unknown part); one bad request must not take the whole test server down.
process.on("uncaughtException", (error) => {
  process.stderr.write(`s3rver-host: ${error instanceof Error ? error.message : String(error)}\n`);
});

const { port } = await server.run();
process.stdout.write(`${JSON.stringify({ port, directory })}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  try {
    await server.close();
  } finally {
    rmSync(directory, { recursive: true, force: true });
    process.exit(0);
  }
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
process.stdin.on("end", stop);
process.stdin.on("close", stop);
process.stdin.resume();
