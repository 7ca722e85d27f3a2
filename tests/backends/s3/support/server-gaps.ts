/**
 * Known gaps of the servers the S3 tests run against (spec S3-T02, S3S-T02): test id → why that server
 * cannot pass it. Conformance cases are named by their CONF id, the S3 backend's own loopback
 * tests by the ids below. A server without an entry has no known gaps: every test runs.
 */

/** The loopback test writing keys that no tree can hold (`x/back\slash.txt`), named in server.test.ts. */
export const FOREIGN_KEYS_TEST = "loopback:foreign-keys";

const SERVER_GAPS: Readonly<Record<string, ReadonlyMap<string, string>>> = {
  serveS3: new Map([
    [FOREIGN_KEYS_TEST, "serveS3 serves a tree: it refuses keys the Store's path rules refuse (a backslash, empty or dot segments) with InvalidArgument (spec S3S-090)"],
    ["CONF-179", "serveS3 enforces S3's 2 KB user-metadata limit on the headers as sent, as AWS does; the backend's RFC 2047 form of 1,023 'é' is 2,740 bytes (spec S3-036, S3S-070)"],
  ]),
  moto: new Map([["CONF-595", "moto's ListMultipartUploads answers a fixed Initiated time (2010-11-10T20:48:33Z) instead of the upload's start (moto 5.2.1, responses.py list_multipart_uploads)"]]),
};

/** The known gaps of a server (none for an unknown one). */
export function gapsOf(server: string): ReadonlyMap<string, string> {
  return SERVER_GAPS[server] ?? new Map();
}

/** The loopback test listing a folder of 1,005 files (pages of 1,000 and of 97), named in server.test.ts. */
export const THOUSAND_KEYS_TEST = "loopback:1005-keys";

/** Set to run everything on moto, as a long run does; CI leaves out {@link leftOutOn}'s tests there. */
export const MOTO_FULL_VARIABLE = "S3_MOTO_FULL";

/**
 * Tests moto passes that CI leaves out on moto for time (spec S3S-T04): each re-runs, request by
 * request, what the run on serveS3 already covers, and costs moto (one Python thread) tens of
 * seconds. `S3_MOTO_FULL=1` runs them.
 */
const SLOW_ON_MOTO: ReadonlyMap<string, string> = new Map([
  ...["CONF-543", "CONF-545", "CONF-568", "CONF-569"].map((id) => [id, "on moto in CI, for time: it re-runs every folder scenario through the Store's file-by-file fallback, which the serveS3 run covers (S3_MOTO_FULL=1 runs it)"] as const),
  [THOUSAND_KEYS_TEST, "on moto in CI, for time: 1,005 PUTs and their listings take moto about a minute; the serveS3 run covers the paging (S3_MOTO_FULL=1 runs it)"],
]);

/** What CI leaves out on a server although it passes (none but moto's, and none with S3_MOTO_FULL set). */
export function leftOutOn(server: string): ReadonlyMap<string, string> {
  const full = process.env[MOTO_FULL_VARIABLE];
  return server === "moto" && (full === undefined || full === "" || full === "0") ? SLOW_ON_MOTO : new Map();
}
