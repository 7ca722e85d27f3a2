import { S3Backend } from "../../../src/backends/s3/index.js";
import { Store } from "../../../src/index.js";
import { startS3rver, S3RVER_CREDENTIALS } from "./support/s3rver-process.js";
const server = await startS3rver();
const b = new S3Backend({ bucket: server.bucket, endpoint: server.endpoint, forcePathStyle: true, credentials: S3RVER_CREDENTIALS, conditionalWrites: false, prefix: `x/y` });
const s = new Store({ backend: b });
try { console.log(await s.listFiles("").toArray()); } catch (e) { console.log(e, (e as any).cause); }
await server.stop();
