import { S3Error } from "./errors.js";

/** Query parameters as sent: decoded names to decoded values, repeats kept in order (spec S3S-021). */
export type QueryParams = ReadonlyMap<string, readonly string[]>;

/** Where a request is addressed (spec S3S-020). */
export interface Route {
  /** The path exactly as sent, before `?` (what clients sign). */
  readonly rawPath: string;
  /** Decoded query parameters. */
  readonly query: QueryParams;
  /** The bucket, or `undefined` for the service level (ListBuckets). */
  readonly bucket: string | undefined;
  /** The object key (decoded once), or `undefined` at bucket level. */
  readonly key: string | undefined;
}

/**
 * Splits a request target into bucket, key and query (spec S3S-020, S3S-021). Path style puts
 * the bucket first in the path; a `Host` of `<bucket>.<base>` (a base from `virtualHostBases`)
 * puts it in the host and leaves the whole path to the key.
 */
export function parseRoute(target: string, hostHeader: string | undefined, virtualHostBases: readonly string[]): Route {
  const mark = target.indexOf("?");
  const rawPath = mark === -1 ? target : target.slice(0, mark);
  const query = parseQuery(mark === -1 ? "" : target.slice(mark + 1));
  if (!rawPath.startsWith("/")) throw new S3Error("InvalidURI");
  const hostBucket = virtualBucket(hostHeader, virtualHostBases);
  if (hostBucket !== undefined) {
    const key = rawPath.length > 1 ? decodeComponent(rawPath.slice(1)) : undefined;
    return { rawPath, query, bucket: hostBucket, key };
  }
  if (rawPath === "/") return { rawPath, query, bucket: undefined, key: undefined };
  const slash = rawPath.indexOf("/", 1);
  const bucket = decodeComponent(slash === -1 ? rawPath.slice(1) : rawPath.slice(1, slash));
  const rest = slash === -1 ? "" : rawPath.slice(slash + 1);
  return { rawPath, query, bucket, key: rest === "" ? undefined : decodeComponent(rest) };
}

/** Decodes `a=1&b&c=x%2Fy` without turning `+` into a space (spec S3S-021). */
export function parseQuery(raw: string): QueryParams {
  const query = new Map<string, string[]>();
  if (raw === "") return query;
  for (const piece of raw.split("&")) {
    if (piece === "") continue;
    const eq = piece.indexOf("=");
    const name = decodeComponent(eq === -1 ? piece : piece.slice(0, eq));
    const value = eq === -1 ? "" : decodeComponent(piece.slice(eq + 1));
    const values = query.get(name);
    if (values === undefined) query.set(name, [value]);
    else values.push(value);
  }
  return query;
}

/**
 * AWS's URI encoding (SigV4 and `encoding-type=url`): every byte but `A-Z a-z 0-9 - _ . ~` as
 * `%XX` with uppercase hex; with `keepSlashes`, `/` stays as it is.
 */
export function uriEncode(value: string, { keepSlashes }: { readonly keepSlashes: boolean }): string {
  const encoded = encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return keepSlashes ? encoded.replace(/%2F/g, "/") : encoded;
}

/** The first value of a query parameter. */
export function queryParam(query: QueryParams, name: string): string | undefined {
  return query.get(name)?.[0];
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new S3Error("InvalidURI", `Couldn't parse the specified URI: ${JSON.stringify(text.slice(0, 200))}`);
  }
}

/** The bucket named by a virtual-host `Host` header, or `undefined` for path style. */
function virtualBucket(hostHeader: string | undefined, bases: readonly string[]): string | undefined {
  if (hostHeader === undefined) return undefined;
  const host = stripPort(hostHeader.trim().toLowerCase());
  for (const base of bases) {
    if (host.length > base.length + 1 && host.endsWith(`.${base}`)) return host.slice(0, host.length - base.length - 1);
  }
  return undefined;
}

function stripPort(host: string): string {
  if (host.startsWith("[")) return host;
  const colon = host.lastIndexOf(":");
  return colon === -1 ? host : host.slice(0, colon);
}
