import { readXmlBody } from "./body/small-body.js";
import type { BucketRequest, ObjectRequest, S3Request, ServerContext } from "./context.js";
import { S3Error } from "./errors.js";
import { treeKey } from "./keys.js";
import type { Reply } from "./responses.js";
import { createBucket, deleteBucket, getBucketLocation, headBucket, listBuckets, LIST_BUCKETS_PARAMS } from "./ops/bucket-ops.js";
import { completeMultipartUpload } from "./ops/complete-multipart.js";
import { copyObject } from "./ops/copy-object.js";
import { deleteObject, deleteObjects } from "./ops/delete-object.js";
import { getObject, GET_OBJECT_PARAMS } from "./ops/get-object.js";
import { listObjects, LIST_V1_PARAMS, LIST_V2_PARAMS } from "./ops/list-objects.js";
import { listMultipartUploads, listParts, LIST_PARTS_PARAMS, LIST_UPLOADS_PARAMS } from "./ops/multipart-lists.js";
import { abortMultipartUpload, createMultipartUpload, uploadPart, uploadPartCopy } from "./ops/multipart-ops.js";
import { putObject } from "./ops/put-object.js";

/** An S3 operation: where it applies, the query parameters it takes, and what it does (spec S3S-021). */
export type Operation =
  | { readonly name: string; readonly level: "service"; readonly params: readonly string[]; run(context: ServerContext, request: S3Request): Promise<Reply> }
  | { readonly name: string; readonly level: "create-bucket"; readonly params: readonly string[]; run(context: ServerContext, request: S3Request, bucket: string): Promise<Reply> }
  | { readonly name: string; readonly level: "bucket"; readonly params: readonly string[]; run(context: ServerContext, request: BucketRequest): Promise<Reply> }
  | { readonly name: string; readonly level: "object"; readonly params: readonly string[]; readonly writes?: boolean; run(context: ServerContext, request: ObjectRequest): Promise<Reply> };

const OPERATIONS = {
  ListBuckets: { name: "ListBuckets", level: "service", params: LIST_BUCKETS_PARAMS, run: listBuckets },
  CreateBucket: { name: "CreateBucket", level: "create-bucket", params: [], run: createBucketWithBody },
  HeadBucket: { name: "HeadBucket", level: "bucket", params: [], run: (c) => headBucket(c) },
  DeleteBucket: { name: "DeleteBucket", level: "bucket", params: [], run: deleteBucket },
  GetBucketLocation: { name: "GetBucketLocation", level: "bucket", params: ["location"], run: (c) => getBucketLocation(c) },
  ListObjectsV2: { name: "ListObjectsV2", level: "bucket", params: LIST_V2_PARAMS, run: (c, r) => listObjects(c, r, { version: 2 }) },
  ListObjects: { name: "ListObjects", level: "bucket", params: LIST_V1_PARAMS, run: (c, r) => listObjects(c, r, { version: 1 }) },
  ListMultipartUploads: { name: "ListMultipartUploads", level: "bucket", params: LIST_UPLOADS_PARAMS, run: listMultipartUploads },
  DeleteObjects: { name: "DeleteObjects", level: "bucket", params: ["delete"], run: async (c, r) => deleteObjects(c, r, await readXmlBody(r)) },
  GetObject: { name: "GetObject", level: "object", params: GET_OBJECT_PARAMS, run: (c, r) => getObject(c, r, { head: false }) },
  HeadObject: { name: "HeadObject", level: "object", params: GET_OBJECT_PARAMS, run: (c, r) => getObject(c, r, { head: true }) },
  PutObject: { name: "PutObject", level: "object", params: [], writes: true, run: putObject },
  CopyObject: { name: "CopyObject", level: "object", params: [], writes: true, run: copyObject },
  DeleteObject: { name: "DeleteObject", level: "object", params: ["versionId"], run: deleteObject },
  CreateMultipartUpload: { name: "CreateMultipartUpload", level: "object", params: ["uploads"], writes: true, run: createMultipartUpload },
  UploadPart: { name: "UploadPart", level: "object", params: ["partNumber", "uploadId"], run: uploadPart },
  UploadPartCopy: { name: "UploadPartCopy", level: "object", params: ["partNumber", "uploadId"], run: uploadPartCopy },
  CompleteMultipartUpload: { name: "CompleteMultipartUpload", level: "object", params: ["uploadId"], writes: true, run: completeMultipartUpload },
  AbortMultipartUpload: { name: "AbortMultipartUpload", level: "object", params: ["uploadId"], run: abortMultipartUpload },
  ListParts: { name: "ListParts", level: "object", params: LIST_PARTS_PARAMS, run: listParts },
} as const satisfies Record<string, Operation>;

/** CreateBucket reads (and checks) its optional `CreateBucketConfiguration` body, whose location it does not need. */
async function createBucketWithBody(context: ServerContext, request: S3Request, bucket: string): Promise<Reply> {
  await readXmlBody(request);
  return createBucket(context, bucket);
}

/** A parameter every operation accepts: `x-id`, presigning (`X-Amz-*`) and hoisted `x-amz-*` headers. */
function alwaysAccepted(name: string): boolean {
  return name === "x-id" || name.toLowerCase().startsWith("x-amz-");
}

/**
 * The operation a request asks for (spec S3S-021, S3S-022): by method, level and subresource
 * parameters. Any parameter the operation does not take is `NotImplemented`; a method no
 * operation takes at that level is `MethodNotAllowed`.
 */
export function chooseOperation(method: string, bucket: string | undefined, key: string | undefined, query: ReadonlyMap<string, readonly string[]>, copySource: boolean): Operation {
  const operation = pick(method, bucket, key, query, copySource);
  for (const name of query.keys()) {
    if (!alwaysAccepted(name) && !operation.params.includes(name)) {
      throw new S3Error("NotImplemented", `The parameter ${JSON.stringify(name)} asks for functionality this server does not implement (${operation.name} takes ${operation.params.length === 0 ? "no parameters" : operation.params.join(", ")}).`, { details: { Parameter: name } });
    }
  }
  return operation;
}

function pick(method: string, bucket: string | undefined, key: string | undefined, query: ReadonlyMap<string, readonly string[]>, copySource: boolean): Operation {
  const has = (name: string): boolean => query.has(name);
  if (bucket === undefined) {
    if (method === "GET") return OPERATIONS.ListBuckets;
  } else if (key === undefined) {
    switch (method) {
      case "GET":
        if (has("location")) return OPERATIONS.GetBucketLocation;
        if (has("uploads")) return OPERATIONS.ListMultipartUploads;
        return has("list-type") ? OPERATIONS.ListObjectsV2 : OPERATIONS.ListObjects;
      case "PUT":
        return OPERATIONS.CreateBucket;
      case "HEAD":
        return OPERATIONS.HeadBucket;
      case "DELETE":
        return OPERATIONS.DeleteBucket;
      case "POST":
        if (has("delete")) return OPERATIONS.DeleteObjects;
        throw new S3Error("NotImplemented", "POST uploads from HTML forms are not implemented.");
    }
  } else {
    switch (method) {
      case "GET":
        return has("uploadId") ? OPERATIONS.ListParts : OPERATIONS.GetObject;
      case "HEAD":
        return OPERATIONS.HeadObject;
      case "PUT":
        if (has("partNumber") || has("uploadId")) return copySource ? OPERATIONS.UploadPartCopy : OPERATIONS.UploadPart;
        return copySource ? OPERATIONS.CopyObject : OPERATIONS.PutObject;
      case "POST":
        if (has("uploads")) return OPERATIONS.CreateMultipartUpload;
        if (has("uploadId")) return OPERATIONS.CompleteMultipartUpload;
        throw new S3Error("NotImplemented", `POST on an object takes ?uploads or ?uploadId; ${[...query.keys()].join(", ") || "nothing"} is not implemented.`);
      case "DELETE":
        return has("uploadId") ? OPERATIONS.AbortMultipartUpload : OPERATIONS.DeleteObject;
    }
  }
  throw new S3Error("MethodNotAllowed", `The method ${method} is not allowed against this resource.`, { details: { Method: method, ResourceType: bucket === undefined ? "SERVICE" : key === undefined ? "BUCKET" : "OBJECT" } });
}

/** Runs an operation on the bucket (and key) it addresses: `NoSuchBucket` when the bucket is missing. */
export async function runOperation(context: ServerContext, operation: Operation, request: S3Request): Promise<Reply> {
  const { bucket, key } = request.route;
  if (operation.level === "service") return operation.run(context, request);
  if (operation.level === "create-bucket") return operation.run(context, request, bucket as string);
  const store = await context.buckets.open(bucket as string);
  if (store === undefined) throw new S3Error("NoSuchBucket", undefined, { details: { BucketName: bucket as string } });
  const bucketRequest: BucketRequest = { ...request, bucket: bucket as string, store };
  if (operation.level === "bucket") return operation.run(context, bucketRequest);
  return operation.run(context, { ...bucketRequest, target: treeKey(key as string) });
}
