import { S3Backend } from "../../../src/backends/s3/index.js";
import { runConformance, CONFORMANCE_CASES } from "../../../src/testing/index.js";
import { startS3rver, S3RVER_CREDENTIALS } from "./support/s3rver-process.js";
const server = await startS3rver();
const ids = CONFORMANCE_CASES.filter((c) => c.id.match(new RegExp(process.argv[2] ?? "CONF-5[89]|CONF-60"))).map((c) => c.id);
const report = await runConformance({ create: () => new S3Backend({ bucket: server.bucket, endpoint: server.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS, conditionalWrites: false, prefix: `x/${Math.random()}` }), only: ids, timeoutMs: 20000 });
console.log("passed", report.passed);
for (const f of report.failed) console.log(f.id, f.message.slice(0, 300));
await server.stop();
