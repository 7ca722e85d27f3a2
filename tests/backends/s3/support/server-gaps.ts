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
