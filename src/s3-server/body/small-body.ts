import { concatBytes } from "../../shared/bytes/concat-bytes.js";
import { bodySource, type S3Request } from "../context.js";
import { S3Error } from "../errors.js";
import { planBody } from "./body-plan.js";
import { RequestBody } from "./request-body.js";

/** Largest XML request body accepted (a CompleteMultipartUpload of 10,000 parts fits). */
export const MAX_XML_BYTES = 4 * 1024 * 1024;

/**
 * The whole body of a request that carries an XML document (DeleteObjects,
 * CompleteMultipartUpload, CreateBucket), read with the same length, hash and checksum checks as
 * object bodies (spec S3S-050). An empty body is `""`.
 */
export async function readXmlBody(request: S3Request): Promise<string> {
  const { headers } = request;
  if (headers.get("content-length") === undefined && headers.get("transfer-encoding") === undefined) return "";
  const plan = planBody(request.headers, request.auth);
  if (plan.length > MAX_XML_BYTES) throw new S3Error("MalformedXML", `The XML document is larger than ${MAX_XML_BYTES} bytes.`);
  const body = new RequestBody(bodySource(request.req), plan);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body.content) {
    chunks.push(new Uint8Array(chunk));
    size += chunk.length;
  }
  return Buffer.from(concatBytes(chunks, size)).toString("utf8");
}
