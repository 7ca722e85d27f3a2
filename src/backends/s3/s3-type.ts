import type * as z from "zod";
import type { BackendTypeDescription, BackendUrlParts } from "../../shared/backend-types/backend-type.js";
import { decodePart, parseUrl, queryOptions, urlError } from "../../shared/backend-types/url-parts.js";
import type { S3Backend } from "./s3-backend.js";
import type { S3BackendOptions } from "./s3-options.js";

/** The options schema of the registry type `s3` (spec S3-100), built from the registry's zod. Credential options are redacted by the registry. */
export function s3OptionsSchema(zod: typeof z) {
  const positiveInt = zod.number().int().positive();
  return zod
    .strictObject({
      bucket: zod.string().min(1),
      prefix: zod.string().optional(),
      region: zod.string().min(1).optional(),
      endpoint: zod.url({ protocol: /^https?$/ }).optional(),
      forcePathStyle: zod.boolean().optional(),
      accessKeyId: zod.string().min(1).optional(),
      secretAccessKey: zod.string().min(1).optional(),
      sessionToken: zod.string().min(1).optional(),
      maxAttempts: positiveInt.max(20).optional(),
      conditionalWrites: zod.boolean().optional(),
      multipartThreshold: zod.number().int().nonnegative().optional(),
      partSize: positiveInt.optional(),
      queueSize: positiveInt.max(64).optional(),
      concurrency: positiveInt.max(256).optional(),
      pageSize: positiveInt.max(1000).optional(),
      urlExpiresIn: positiveInt.max(604_800).optional(),
      watchInterval: zod.number().int().nonnegative().max(86_400_000).optional(),
    })
    .refine((o) => (o.accessKeyId === undefined) === (o.secretAccessKey === undefined), {
      message: "accessKeyId and secretAccessKey are given together (or neither, for the SDK's default credential chain)",
      path: ["secretAccessKey"],
    });
}

/** The validated options of the `s3` type. */
export type S3TypeOptions = z.output<ReturnType<typeof s3OptionsSchema>>;

/** Creates an `S3Backend` from validated registry options. */
export async function createS3Backend(options: S3TypeOptions): Promise<S3Backend> {
  const { accessKeyId, secretAccessKey, sessionToken, ...rest } = options;
  const backendOptions: S3BackendOptions = {
    ...dropUndefined(rest),
    ...(accessKeyId === undefined || secretAccessKey === undefined
      ? {}
      : { credentials: { accessKeyId, secretAccessKey, ...(sessionToken === undefined ? {} : { sessionToken }) } }),
  } as S3BackendOptions;
  // Loaded when the first backend is made, so that registering the type loads no AWS SDK (spec S3-101).
  const { S3Backend } = await import("./s3-backend.js");
  return new S3Backend(backendOptions);
}

/**
 * `s3://bucket/prefix?endpoint=…&region=…&forcePathStyle=true` (spec S3-100). The host is the
 * bucket; the path is the key prefix (the backend's root, like `file:` roots, not a store
 * `rootPath`); query parameters are options; a user part `ACCESS_KEY:SECRET@` gives static
 * credentials (percent-decoded; shown redacted).
 */
export function parseS3Url(text: string): BackendUrlParts {
  const problems: string[] = [];
  const url = parseUrl(text, problems);
  if (url === undefined) throw urlError(problems);
  if (!/^s3:\/\//i.test(text)) problems.push(`write "s3://bucket/prefix"`);
  if (url.port !== "") problems.push("an s3 URL takes no port (put the server in the endpoint parameter)");
  if (url.hash !== "") problems.push("an s3 URL takes no #fragment");
  const bucket = decodePart(url.hostname, "bucket", problems);
  if (bucket === "") problems.push("an s3 URL needs a bucket: s3://bucket/prefix");
  const prefix = decodePart(url.pathname, "path", problems);
  const options = queryOptions(url, problems);
  for (const key of ["bucket", "prefix"]) if (Object.hasOwn(options, key)) problems.push(`the ${key} comes from the URL, not a "${key}" parameter`);
  if (url.username !== "" || url.password !== "") {
    if (url.username === "" || url.password === "") problems.push("credentials in an s3 URL are written ACCESS_KEY_ID:SECRET_ACCESS_KEY@bucket");
    options.accessKeyId = decodePart(url.username, "access key id", problems);
    options.secretAccessKey = decodePart(url.password, "secret access key", problems);
  }
  if (problems.length > 0) throw urlError(problems);
  options.bucket = bucket;
  if (prefix !== undefined && prefix !== "" && prefix !== "/") options.prefix = prefix;
  return { options };
}

/** The `s3` backend type with its `s3:` URLs (spec S3-100); the `remote-store/s3` entry registers it. */
export const s3BackendType: BackendTypeDescription<S3TypeOptions> = Object.freeze({
  type: "s3",
  factory: createS3Backend,
  schema: s3OptionsSchema,
  url: Object.freeze({ scheme: "s3", parse: parseS3Url }),
});

function dropUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) if (inner !== undefined) out[key] = inner;
  return out as Partial<T>;
}
