import { createHash } from "node:crypto";
import { ListBucketsCommand, ListObjectsCommand, ListObjectsV2Command, paginateListObjectsV2, type ListObjectsV2CommandInput, type ListObjectsV2CommandOutput } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectS3Error, rawRequest, startHarness, type Harness } from "./support/harness.js";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  for (const path of ["a.b", "a-b", "a/1", "a/2/x", "a/2/y", "b/c d", "z", "\uE000", "😀", "q+r", "dash-1-x", "dash-2-y"]) await h.bucketStore.write(`tree/${path}`, path);
  await h.bucketStore.createFolder("tree/a/empty");
});
afterAll(() => h.close());

type Listed = { keys: string[]; prefixes: string[] };
async function v2(input: Omit<ListObjectsV2CommandInput, "Bucket">): Promise<Listed & { output: ListObjectsV2CommandOutput }> {
  const output = await h.client.send(new ListObjectsV2Command({ Bucket: h.bucket, ...input }));
  return { output, keys: (output.Contents ?? []).map((o) => o.Key as string), prefixes: (output.CommonPrefixes ?? []).map((p) => p.Prefix as string) };
}

describe("listing", () => {
  it("S3S-110 ListObjectsV2 lists keys with the prefix in UTF-8 byte order, with sizes, ETags and STANDARD", async () => {
    const { keys, output } = await v2({ Prefix: "tree/" });
    // UTF-8 order: U+E000 (EE 80 80) sorts after "z" and before U+1F600 (F0 9F 98 80); UTF-16 order would put the emoji first.
    expect(keys).toEqual(["tree/a-b", "tree/a.b", "tree/a/1", "tree/a/2/x", "tree/a/2/y", "tree/a/empty/", "tree/b/c d", "tree/dash-1-x", "tree/dash-2-y", "tree/q+r", "tree/z", "tree/\uE000", "tree/😀"]);
    const first = output.Contents?.find((o) => o.Key === "tree/a/1");
    expect([first?.Size, first?.StorageClass, first?.ETag]).toEqual([3, "STANDARD", `"${createHash("md5").update("a/1").digest("hex")}"`]);
  });

  it("S3S-110 a delimiter rolls keys up into CommonPrefixes, '/' or any other string", async () => {
    const slash = await v2({ Prefix: "tree/", Delimiter: "/" });
    expect(slash.prefixes).toEqual(["tree/a/", "tree/b/"]);
    expect(slash.keys).toEqual(["tree/a-b", "tree/a.b", "tree/dash-1-x", "tree/dash-2-y", "tree/q+r", "tree/z", "tree/\uE000", "tree/😀"]);
    expect(slash.output.KeyCount).toBe(10);
    const partial = await v2({ Prefix: "tree/a", Delimiter: "/" });
    expect([partial.keys, partial.prefixes]).toEqual([["tree/a-b", "tree/a.b"], ["tree/a/"]]);
    const inner = await v2({ Prefix: "tree/a/", Delimiter: "/" });
    expect([inner.keys, inner.prefixes]).toEqual([["tree/a/1"], ["tree/a/2/", "tree/a/empty/"]]);
    const dash = await v2({ Prefix: "tree/dash-", Delimiter: "-" });
    expect([dash.keys, dash.prefixes]).toEqual([[], ["tree/dash-1-", "tree/dash-2-"]]);
    const none = await v2({ Prefix: "tree/nothing/", Delimiter: "/" });
    expect([none.keys, none.prefixes, none.output.KeyCount]).toEqual([[], [], 0]);
  });

  it("S3S-111 pages: max-keys, continuation tokens, start-after; pagination past 1,000 keys", async () => {
    const names = Array.from({ length: 1005 }, (_, i) => `many/k${String(i).padStart(4, "0")}`);
    for (const name of names) await h.bucketStore.write(name, "");
    const pages: number[] = [];
    const seen: string[] = [];
    for await (const page of paginateListObjectsV2({ client: h.client }, { Bucket: h.bucket, Prefix: "many/" })) {
      pages.push(page.KeyCount ?? -1);
      seen.push(...(page.Contents ?? []).map((o) => o.Key as string));
    }
    expect(pages).toEqual([1000, 5]);
    expect(seen).toEqual(names);
    const small = await v2({ Prefix: "tree/", MaxKeys: 2, Delimiter: "/" });
    expect([small.keys, small.output.IsTruncated, typeof small.output.NextContinuationToken]).toEqual([["tree/a-b", "tree/a.b"], true, "string"]);
    const next = await v2({ Prefix: "tree/", MaxKeys: 2, Delimiter: "/", ContinuationToken: small.output.NextContinuationToken });
    expect([next.keys, next.prefixes, next.output.KeyCount, next.output.ContinuationToken]).toEqual([[], ["tree/a/", "tree/b/"], 2, small.output.NextContinuationToken]);
    const third = await v2({ Prefix: "tree/", MaxKeys: 2, Delimiter: "/", ContinuationToken: next.output.NextContinuationToken });
    expect(third.keys).toEqual(["tree/dash-1-x", "tree/dash-2-y"]);
    const after = await v2({ Prefix: "tree/", StartAfter: "tree/q+r" });
    expect([after.keys, after.output.StartAfter]).toEqual([["tree/z", "tree/\uE000", "tree/😀"], "tree/q+r"]);
    const capped = await v2({ Prefix: "many/", MaxKeys: 5000 });
    expect([capped.output.MaxKeys, capped.keys.length, capped.output.IsTruncated]).toEqual([1000, 1000, true]);
    const zero = await v2({ Prefix: "many/", MaxKeys: 0 });
    expect([zero.keys, zero.output.IsTruncated]).toEqual([[], false]);
  });

  it("S3S-111 each page is listed anew: a key written between pages appears when it sorts after the last key returned", async () => {
    await h.bucketStore.write("fresh/b", "");
    await h.bucketStore.write("fresh/d", "");
    const first = await v2({ Prefix: "fresh/", MaxKeys: 1 });
    await h.bucketStore.write("fresh/a", "");
    await h.bucketStore.write("fresh/c", "");
    const rest = await v2({ Prefix: "fresh/", ContinuationToken: first.output.NextContinuationToken });
    expect([first.keys, rest.keys]).toEqual([["fresh/b"], ["fresh/c", "fresh/d"]]);
  });

  it("S3S-111 ListObjects v1: marker, and NextMarker only with a delimiter", async () => {
    const page = await h.client.send(new ListObjectsCommand({ Bucket: h.bucket, Prefix: "tree/", MaxKeys: 3 }));
    expect([page.Contents?.map((o) => o.Key), page.IsTruncated, page.NextMarker]).toEqual([["tree/a-b", "tree/a.b", "tree/a/1"], true, undefined]);
    const next = await h.client.send(new ListObjectsCommand({ Bucket: h.bucket, Prefix: "tree/", MaxKeys: 3, Marker: "tree/a.b" }));
    expect(next.Contents?.map((o) => o.Key)).toEqual(["tree/a/1", "tree/a/2/x", "tree/a/2/y"]);
    const rolled = await h.client.send(new ListObjectsCommand({ Bucket: h.bucket, Prefix: "tree/", Delimiter: "/", MaxKeys: 4 }));
    expect([rolled.NextMarker, rolled.CommonPrefixes?.map((p) => p.Prefix)]).toEqual(["tree/b/", ["tree/a/", "tree/b/"]]);
    const after = await h.client.send(new ListObjectsCommand({ Bucket: h.bucket, Prefix: "tree/", Delimiter: "/", Marker: rolled.NextMarker }));
    expect([after.Contents?.[0]?.Key, after.CommonPrefixes]).toEqual(["tree/dash-1-x", undefined]);
    expect(page.Contents?.[0]?.Owner?.DisplayName).toBe("remote-store");
  });

  it("S3S-111 bad max-keys, continuation tokens and encoding types are InvalidArgument", async () => {
    for (const query of ["list-type=2&max-keys=-1", "list-type=2&max-keys=ten", "list-type=2&continuation-token=%25%25", "list-type=2&encoding-type=base64", "list-type=3"]) {
      const answer = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}?${query}` });
      expect([query, answer.status, answer.code]).toEqual([query, 400, "InvalidArgument"]);
    }
  });

  it("S3S-112 encoding-type=url encodes keys and prefixes and echoes EncodingType; fetch-owner adds Owner", async () => {
    const answer = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}?list-type=2&prefix=tree%2Fb&encoding-type=url&fetch-owner=true` });
    expect(answer.body).toContain("<Key>tree/b/c%20d</Key>");
    expect(answer.body).toContain("<EncodingType>url</EncodingType>");
    expect(answer.body).toContain("<Owner><ID>");
    const plus = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}?list-type=2&prefix=tree%2Fq&delimiter=%2B&encoding-type=url` });
    expect(plus.body).toContain("<Prefix>tree/q%2B</Prefix>");
    expect(plus.body).toContain("<Delimiter>%2B</Delimiter>");
    const plain = await rawRequest(h.server, { method: "GET", target: `/${h.bucket}?list-type=2&prefix=tree%2Fb` });
    expect(plain.body).toContain("<Key>tree/b/c d</Key>");
    expect(plain.body).not.toContain("<Owner>");
  });

  it("S3S-113 ListBuckets lists buckets in name order, with a prefix and pages of max-buckets", async () => {
    for (const name of ["alpha", "beta", "gamma"]) await h.tree.createFolder(name);
    const all = await h.client.send(new ListBucketsCommand({}));
    expect(all.Buckets?.map((b) => b.Name)).toEqual(["alpha", "beta", h.bucket, "gamma"]);
    expect(all.Owner?.DisplayName).toBe("remote-store");
    const page = await h.client.send(new ListBucketsCommand({ MaxBuckets: 2 }));
    expect(page.Buckets?.map((b) => b.Name)).toEqual(["alpha", "beta"]);
    const rest = await h.client.send(new ListBucketsCommand({ MaxBuckets: 2, ContinuationToken: page.ContinuationToken }));
    expect(rest.Buckets?.map((b) => b.Name)).toEqual([h.bucket, "gamma"]);
    const prefixed = await h.client.send(new ListBucketsCommand({ Prefix: "g" }));
    expect(prefixed.Buckets?.map((b) => b.Name)).toEqual(["gamma"]);
    await expectS3Error(h.client.send(new ListBucketsCommand({ MaxBuckets: -1 })), "InvalidArgument", 400);
  });
});
