import { checkBucketName } from "../buckets.js";
import type { BucketRequest, S3Request, ServerContext } from "../context.js";
import { S3Error } from "../errors.js";
import { queryParam } from "../route.js";
import { xmlReply, xmlTime, type Reply } from "../responses.js";
import { OWNER, pageSize } from "./list-objects.js";

/** The query parameters of ListBuckets (spec S3S-113). */
export const LIST_BUCKETS_PARAMS = ["prefix", "max-buckets", "continuation-token", "bucket-region"];

/** ListBuckets (spec S3S-113): buckets in name order, paginated by `max-buckets`. */
export async function listBuckets(context: ServerContext, request: S3Request): Promise<Reply> {
  const prefix = queryParam(request.query, "prefix") ?? "";
  const max = request.query.has("max-buckets") ? pageSize(queryParam(request.query, "max-buckets"), "max-buckets") : Number.POSITIVE_INFINITY;
  const token = queryParam(request.query, "continuation-token");
  const after = token === undefined ? "" : Buffer.from(token, "base64url").toString("utf8");
  const buckets = (await context.buckets.list()).filter((b) => b.name.startsWith(prefix) && b.name > after);
  const page = buckets.slice(0, max);
  const truncated = buckets.length > page.length && page.length > 0;
  return xmlReply("ListAllMyBucketsResult", {
    Buckets: { Bucket: page.map((b) => ({ Name: b.name, CreationDate: xmlTime(b.createdAt), BucketRegion: context.region })) },
    Owner: { DisplayName: OWNER.DisplayName, ID: OWNER.ID },
    ContinuationToken: truncated ? Buffer.from((page.at(-1) as { name: string }).name, "utf8").toString("base64url") : undefined,
    Prefix: request.query.has("prefix") ? prefix : undefined,
  });
}

/**
 * CreateBucket (spec S3S-010, S3S-012): creates the bucket's folder; an existing bucket is
 * `BucketAlreadyOwnedByYou`, or a 200 that changes nothing in us-east-1.
 */
export async function createBucket(context: ServerContext, bucket: string): Promise<Reply> {
  if (context.buckets.mode === "backend") checkBucketName(bucket);
  const created = await context.buckets.create(bucket);
  if (!created && context.region !== "us-east-1") throw new S3Error("BucketAlreadyOwnedByYou", undefined, { details: { BucketName: bucket } });
  return { status: 200, headers: { location: `/${bucket}` } };
}

/** HeadBucket: 200 with the region. */
export async function headBucket(context: ServerContext): Promise<Reply> {
  return { status: 200, headers: { "x-amz-bucket-region": context.region } };
}

/** DeleteBucket (spec S3S-011): only an empty bucket without open uploads. */
export async function deleteBucket(context: ServerContext, request: BucketRequest): Promise<Reply> {
  if (context.buckets.mode === "backend" && context.uploads.inBucket(request.bucket).length > 0) {
    throw new S3Error("BucketNotEmpty", "The bucket you tried to delete has multipart uploads in progress.", { details: { BucketName: request.bucket } });
  }
  await context.buckets.remove(request.bucket);
  context.index.forgetBucket(request.bucket);
  return { status: 204 };
}

/** GetBucketLocation: the server's region, empty for us-east-1. */
export async function getBucketLocation(context: ServerContext): Promise<Reply> {
  return xmlReply("LocationConstraint", { "#text": context.region === "us-east-1" ? "" : context.region });
}
