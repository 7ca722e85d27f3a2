import { ListObjectsV2Command, PutObjectCommand, S3Client, HeadObjectCommand, type HeadObjectCommandOutput } from "@aws-sdk/client-s3";
import { testServer } from "./server.js";

/** A plain SDK client on the test server, for looking under the backend (spec S3-T01, S3S-T01). */
export function rawClient(): S3Client {
  const server = testServer();
  return new S3Client({
    endpoint: server.endpoint,
    region: server.region,
    forcePathStyle: true,
    ...(server.credentials === undefined ? {} : { credentials: { ...server.credentials } }),
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** Every key below `prefix`, sorted. */
export async function keysUnder(client: S3Client, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const r = await client.send(new ListObjectsV2Command({ Bucket: testServer().bucket, Prefix: prefix, ...(token === undefined ? {} : { ContinuationToken: token }) }));
    for (const o of r.Contents ?? []) if (o.Key !== undefined) keys.push(o.Key);
    token = r.IsTruncated === true ? r.NextContinuationToken : undefined;
  } while (token !== undefined);
  return keys.sort();
}

/** Writes an object directly, as another tool would. */
export async function putRaw(client: S3Client, key: string, body: string | Uint8Array, metadata?: Record<string, string>): Promise<void> {
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  await client.send(new PutObjectCommand({ Bucket: testServer().bucket, Key: key, Body: bytes, ContentLength: bytes.length, ...(metadata === undefined ? {} : { Metadata: metadata }) }));
}

/** HEAD of a key. */
export function headRaw(client: S3Client, key: string): Promise<HeadObjectCommandOutput> {
  return client.send(new HeadObjectCommand({ Bucket: testServer().bucket, Key: key }));
}
