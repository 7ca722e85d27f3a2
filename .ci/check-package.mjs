// Checks the built package through its own `exports` map (self-reference by name), the way a
// user's code loads it: ESM import, CommonJS require, and the testing entry.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const problems = [];
let checks = 0;

function check(label, condition) {
  checks++;
  if (!condition) problems.push(label);
}

const esm = await import("remote-store");
check("import('remote-store') exports Store", typeof esm.Store === "function");
check("import('remote-store') exports MemoryBackend", typeof esm.MemoryBackend === "function");
check("import('remote-store') exports isRemoteStoreError", typeof esm.isRemoteStoreError === "function");

const cjs = require("remote-store");
check("require('remote-store') exports Store", typeof cjs.Store === "function");
check("require('remote-store') exports MemoryBackend", typeof cjs.MemoryBackend === "function");

const store = new cjs.Store({ backend: new cjs.MemoryBackend() });
await store.writeText("a/b.txt", "hello");
check("CJS build writes and reads", (await store.readText("a/b.txt")) === "hello");
check("CJS build globs (lazy minimatch)", (await store.glob("**/*.txt").toArray()).length === 1);
const esmStore = new esm.Store({ backend: new esm.MemoryBackend() });
await esmStore.writeText("x/y.txt", "hi");
check("ESM build globs (lazy minimatch)", (await esmStore.glob("x/*.txt").toArray()).length === 1);

const dir = mkdtempSync(join(tmpdir(), "rs-package-"));
try {
  const esmLocal = await import("remote-store/local");
  const cjsLocal = require("remote-store/local");
  for (const [label, local, core] of [["ESM", esmLocal, esm], ["CJS", cjsLocal, cjs]]) {
    const localStore = new core.Store({ backend: new local.LocalBackend({ root: join(dir, label) }) });
    const error = await localStore.readText("missing.txt").catch((e) => e);
    check(`${label}: a LocalBackend error is instanceof the core NotFound`, error instanceof core.NotFound && error.path === "missing.txt");
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

for (const [entry, name] of [["integrity", "checksum"], ["transfer", "syncStores"], ["batch", "batchDelete"], ["kv", "createKeyValue"], ["observe", "observe"], ["cache", "cache"], ["faults", "withFaults"]]) {
  const esmExt = await import(`remote-store/ext/${entry}`);
  const cjsExt = require(`remote-store/ext/${entry}`);
  check(`import and require of remote-store/ext/${entry} export ${name}`, typeof esmExt[name] === "function" && typeof cjsExt[name] === "function");
}
const { createKeyValue } = await import("remote-store/ext/kv");
const kv = createKeyValue(esmStore);
check("ESM ext/kv works on a Store from the core entry (shared classes)", (await kv.increment("n")) === 1 && kv.atomicIncrement === true);
const cjsKv = require("remote-store/ext/kv").createKeyValue(store);
check("CJS ext/kv works on a Store from the CJS core (shared classes)", (await cjsKv.increment("n")) === 1);
await kv.close();
await cjsKv.close();

const { cache } = await import("remote-store/ext/cache");
check("ESM ext/cache wraps a Store from the core entry into a Store (one mechanism, shared classes)", cache(esmStore) instanceof esm.Store && typeof esm.wrapStore === "function");
const cachedRegistry = new esm.Registry({ backends: { m: "memory://" }, stores: { s: { backend: "m", cache: { ttl: 5 } } } });
check("after importing remote-store/ext/cache, a config may name the cache wrapper", String(cachedRegistry.getStore("s")).startsWith("cache("));
await cachedRegistry.close();
const otel = await import("remote-store/ext/otel");
check("import('remote-store/ext/otel') exports openTelemetryHooks", typeof otel.openTelemetryHooks === "function");

const testing = await import("remote-store/testing");
const vitestEntry = await import("remote-store/testing/vitest");
check("import('remote-store/testing/vitest') exports describeBackendConformance", typeof vitestEntry.describeBackendConformance === "function");
check("remote-store/testing has no describeBackendConformance (it needs no test framework)", !("describeBackendConformance" in testing));
check("import('remote-store/testing') exports runConformance", typeof testing.runConformance === "function");

const s3 = await import("remote-store/s3");
check("import('remote-store/s3') exports S3Backend", typeof s3.S3Backend === "function");
const { readFileSync } = await import("node:fs");
const coreFiles = ["dist/index.js", "dist/index.node.js", "dist/index.cjs", "dist/index.node.cjs"];
check("the core entries do not load the AWS SDK", coreFiles.every((file) => !readFileSync(file, "utf8").includes("@aws-sdk")));
check("the ESM core entries do not load lru-cache or OpenTelemetry", ["dist/index.js", "dist/index.node.js"].every((file) => !/lru-cache|@opentelemetry/.test(readFileSync(file, "utf8"))));
const unreachable = new esm.Store({ backend: new s3.S3Backend({ bucket: "b", endpoint: "http://127.0.0.1:9", maxAttempts: 1, credentials: { accessKeyId: "k", secretAccessKey: "s" } }) });
const s3Error = await unreachable.readText("x.txt").catch((e) => e);
check("an unreachable S3 endpoint is BACKEND_UNAVAILABLE naming it, and instanceof the core error class", s3Error instanceof esm.RemoteStoreError && s3Error.code === "BACKEND_UNAVAILABLE" && String(s3Error.message).includes("127.0.0.1:9"));
await unreachable.close();
const s3Registry = new esm.Registry({ backends: { b: "s3://bucket/prefix?endpoint=http://127.0.0.1:9" }, stores: { data: { backend: "b" } } });
check("after importing remote-store/s3, the registry accepts s3:// URLs", s3Registry.backendNames.includes("b"));
await s3Registry.close();

const s3Server = await import("remote-store/s3-server");
check("import('remote-store/s3-server') exports serveS3", typeof s3Server.serveS3 === "function");
check("the core entries do not load the S3 server's signer or XML parser", coreFiles.every((file) => !/signature-v4|fast-xml-parser/.test(readFileSync(file, "utf8"))));
{
  const backend = new esm.MemoryBackend();
  const served = new esm.Store({ backend });
  await served.createFolder("bkt");
  const server = await s3Server.serveS3({ backend, anonymous: true, onWarning: () => undefined });
  const put = await fetch(`${server.endpoint}/bkt/a.txt`, { method: "PUT", body: "over http" });
  check("serveS3 from dist takes an anonymous PUT into the served memory tree", put.status === 200 && (await served.readText("bkt/a.txt")) === "over http");
  await server.close();
}

const testingS3 = await import("remote-store/testing/s3");
check("import('remote-store/testing/s3') exports startS3Server", typeof testingS3.startS3Server === "function");
check("remote-store/testing does not load the S3 server (no node:http)", !/node:http|startS3Server|serveS3/.test(readFileSync("dist/testing.js", "utf8")));
{
  const s3Client = await import("@aws-sdk/client-s3");
  const started = await testingS3.startS3Server({ seed: { bkt: { "a.txt": "seeded" } } });
  try {
    const client = new s3Client.S3Client(started.clientOptions);
    const got = await client.send(new s3Client.GetObjectCommand({ Bucket: "bkt", Key: "a.txt" }));
    await client.send(new s3Client.PutObjectCommand({ Bucket: "bkt", Key: "b.txt", Body: "put" }));
    check("startS3Server from dist serves its seed to the SDK and takes a PUT into its store", (await got.Body.transformToString()) === "seeded" && (await started.store.readText("bkt/b.txt")) === "put");
    client.destroy();
  } finally {
    await started.close();
  }
}

const report = await testing.runConformance({ create: () => new esm.MemoryBackend() });
check(`runConformance from dist passes on MemoryBackend (failed: ${report.failed.length})`, report.failed.length === 0 && report.passed > 0);

for (const problem of problems) console.error(`package check failed: ${problem}`);
console.log(`package checks: ${checks - problems.length} of ${checks} passed`);
const out = process.argv[2];
if (out) {
  const report = { numPassedTests: checks - problems.length, numFailedTests: problems.length, numPendingTests: 0, numTodoTests: 0, success: problems.length === 0 };
  writeFileSync(out, JSON.stringify(report));
}
if (problems.length > 0) process.exitCode = 1;
