import { afterAll, beforeAll, describe, it, vi } from "vitest";
import { MemoryBackend } from "../../src/backends/memory/memory-backend.js";
import { serveS3, type S3Server } from "../../src/s3-server/index.js";
import { buildCli } from "./support/build-cli.js";
import { lines, makeWorkspace, type Workspace } from "./support/run-cli.js";

// Real processes (spec CLI-T01): generous hang guards for a loaded 2-core machine (TEST-006).
vi.setConfig({ testTimeout: 300_000, hookTimeout: 300_000 });

let ws: Workspace;
let server: S3Server;
const served = new MemoryBackend();

beforeAll(async () => {
  await buildCli();
  ws = await makeWorkspace({ config: false });
  server = await serveS3({ backend: served, port: 0 });
  await server.store?.createFolder("bkt");
}, 180_000);

afterAll(async () => {
  await server.close();
  await ws.remove();
});

/** The environment that points the AWS SDK at the test server. */
function awsEnv(): Record<string, string> {
  const [credentials] = server.credentials;
  return { AWS_ACCESS_KEY_ID: credentials?.accessKeyId ?? "", AWS_SECRET_ACCESS_KEY: credentials?.secretAccessKey ?? "", AWS_REGION: server.region };
}

describe("what a location means from the command line", () => {
  it("CLI-022 CLI-020 a plain path is a local file (relative, ./relative or absolute); an empty location is the working directory", async ({ expect }) => {
    await ws.write("data.csv", "a,b\n1,2\n");
    await ws.write("sub/inner.txt", "inner");
    for (const spec of ["data.csv", "./data.csv", ws.path("data.csv")]) {
      const result = await ws.run(["cat", spec]);
      expect(result, spec).toMatchObject({ code: 0, stdout: "a,b\n1,2\n", stderr: "" });
    }
    const listed = await ws.run(["ls", "sub"]);
    expect(lines(listed.stdout)).toEqual(["inner.txt"]);
    const missing = await ws.run(["cat", "nope.txt"]);
    expect(missing.code).toBe(4);
    expect(lines(missing.stderr)).toEqual([expect.stringContaining(`NOT_FOUND: ${ws.path("nope.txt")}`)]);
    const stores = await ws.run(["stores", "--json"]);
    expect((JSON.parse(stores.stdout) as { defaultStore: unknown }).defaultStore).toEqual({ source: "local", origin: ws.dir });
  });

  it("CLI-022 the in-memory store is named explicitly, and the REPL still starts in memory://default", async ({ expect }) => {
    const repl = await ws.run(["repl"], { input: 'console.log(store.toString(), (await store.exists("data.csv")))\n' });
    expect(repl).toMatchObject({ code: 0, stderr: "" });
    expect(repl.stdout).toBe("Store(backend=default, rootPath=\"\") false\n");
  });

  it("CLI-025 writing to an in-memory store says once that the data ends with the command; a local destination says nothing", async ({ expect }) => {
    await ws.write("a.txt", "A");
    const volatile = await ws.run(["put", "--no-progress", "a.txt", "memory://scratch/"]);
    expect(volatile.code).toBe(0);
    expect(lines(volatile.stderr)).toEqual(["remote-store: warning: memory://scratch/ is an in-memory store; what this command writes there is gone when the command ends"]);
    const made = await ws.run(["mkdir", "memory://scratch/x", "memory://scratch/y"]);
    expect(lines(made.stderr)).toHaveLength(1);
    const local = await ws.run(["cp", "a.txt", "b.txt"]);
    expect(local).toMatchObject({ code: 0, stderr: "" });
    expect(lines((await ws.run(["cat", "b.txt"])).stdout)).toEqual(["A"]);
  });

  it("CLI-013 s3:// locations and type s3 configs work from the command line", async ({ expect }) => {
    await served.write("bkt/reports/q1.csv", new TextEncoder().encode("q1"), { overwrite: false, contentType: "text/csv", metadata: undefined });
    const url = `s3://bkt/reports?endpoint=${encodeURIComponent(server.endpoint)}&forcePathStyle=true`;
    const listed = await ws.run(["ls", url], { env: awsEnv() });
    expect(listed).toMatchObject({ code: 0, stderr: "" });
    expect(lines(listed.stdout)).toEqual(["q1.csv"]);
    const config = `backends:\n  s3b: { type: s3, options: { bucket: bkt, endpoint: "${server.endpoint}", forcePathStyle: true } }\nstores:\n  reports: { backend: s3b, rootPath: reports }\n`;
    const dir = await makeWorkspace({ config });
    try {
      await dir.write("q2.csv", "q2");
      expect(await dir.run(["put", "--no-progress", "q2.csv", "reports:"], { env: awsEnv() })).toMatchObject({ code: 0, stderr: "" });
      const read = await dir.run(["cat", "reports:q2.csv"], { env: awsEnv() });
      expect(read).toMatchObject({ code: 0, stdout: "q2" });
    } finally {
      await dir.remove();
    }
    expect(await served.exists("bkt/reports/q2.csv")).toBe(true);
  });
});
