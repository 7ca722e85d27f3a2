import type { ChildProcess } from "node:child_process";
import { readFile } from "node:fs/promises";
import { request as httpRequest } from "node:http";
import { CreateBucketCommand, GetObjectCommand, ListBucketsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildCli } from "./support/build-cli.js";
import { lines, makeWorkspace, spawnCli, type Workspace } from "./support/run-cli.js";

// Spawns the real CLI (spec CLI-T01); the test limit is the hang guard of every wait below.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 180_000 });

let ws: Workspace;
beforeAll(async () => {
  await buildCli();
  ws = await makeWorkspace();
  await ws.write("data/reports/seed.txt", "seed");
}, 180_000);
afterAll(() => ws.remove());

/** A running `serve s3` process: its output so far, the environment it printed, and its exit. */
interface Serving {
  readonly child: ChildProcess;
  readonly env: Record<string, string>;
  readonly stderr: () => string;
  readonly exited: Promise<number | null>;
  client(): S3Client;
}

/**
 * Spawns `serve s3 …args` and waits (no timer: the test limit is the guard) for the `AWS_REGION=`
 * line on stdout and the `serving …` line on stderr.
 */
async function serve(args: readonly string[]): Promise<Serving> {
  const child = await spawnCli(["serve", "s3", ...args], { cwd: ws.dir });
  let stdout = "";
  let stderr = "";
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  await new Promise<void>((resolve, reject) => {
    const ready = (): void => {
      if (/^AWS_REGION=.*\n/m.test(stdout) && stderr.includes("(Ctrl-C to stop)\n")) resolve();
    };
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      ready();
    });
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      ready();
    });
    void exited.then((code) => reject(new Error(`serve s3 exited with ${code} before it printed its environment: ${stderr}`)));
  });
  const env = Object.fromEntries(lines(stdout).map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]));
  return {
    child,
    env,
    stderr: () => stderr,
    exited,
    client: () =>
      new S3Client({
        endpoint: env.AWS_ENDPOINT_URL ?? "",
        region: env.AWS_REGION ?? "",
        forcePathStyle: true,
        credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID ?? "", secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? "" },
      }),
  };
}

const text = async (output: { Body?: { transformToString(): Promise<string> } }): Promise<string> => (await output.Body?.transformToString()) ?? "";

describe("serve s3 (CLI-063, CLI-064)", () => {
  it("CLI-063 CLI-064 serves a memory store to the SDK, prints its environment, stops on SIGINT with 0 and saves the snapshot, which the next start loads", async () => {
    const first = await serve(["--snapshot", "state.json"]);
    expect(Object.keys(first.env)).toEqual(["AWS_ENDPOINT_URL", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION"]);
    expect(first.env.AWS_ENDPOINT_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(first.env.AWS_REGION).toBe("us-east-1");
    const client = first.client();
    await client.send(new CreateBucketCommand({ Bucket: "bkt" }));
    await client.send(new PutObjectCommand({ Bucket: "bkt", Key: "dir/a.txt", Body: "kept across restarts", ContentType: "text/plain" }));
    expect(await text(await client.send(new GetObjectCommand({ Bucket: "bkt", Key: "dir/a.txt" })))).toBe("kept across restarts");
    client.destroy();
    expect(first.stderr()).toContain(`serving a new in-memory store as S3 at ${first.env.AWS_ENDPOINT_URL} (Ctrl-C to stop)`);
    first.child.kill("SIGINT");
    expect(await first.exited).toBe(0);
    const snapshot = JSON.parse(await readFile(ws.path("state.json"), "utf8")) as { format: string; entries: { kind: string; path: string; text?: string }[] };
    expect(snapshot.format).toBe("remote-store-snapshot");
    expect(snapshot.entries).toContainEqual(expect.objectContaining({ kind: "file", path: "bkt/dir/a.txt", text: "kept across restarts", contentType: "text/plain" }));

    const second = await serve(["--snapshot", "state.json", "--access-key", "dev", "--secret-key", "dev secret"]);
    expect([second.env.AWS_ACCESS_KEY_ID, second.env.AWS_SECRET_ACCESS_KEY]).toEqual(["dev", "'dev secret'"]);
    const again = new S3Client({ endpoint: second.env.AWS_ENDPOINT_URL ?? "", region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "dev", secretAccessKey: "dev secret" } });
    expect(await text(await again.send(new GetObjectCommand({ Bucket: "bkt", Key: "dir/a.txt" })))).toBe("kept across restarts");
    await again.send(new PutObjectCommand({ Bucket: "bkt", Key: "b.txt", Body: "second" }));
    again.destroy();
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    const saved = JSON.parse(await readFile(ws.path("state.json"), "utf8")) as { entries: { path: string }[] };
    expect(saved.entries.map((entry) => entry.path)).toEqual(["bkt", "bkt/b.txt", "bkt/dir", "bkt/dir/a.txt"]);
  });

  it("CLI-064 a request in progress at SIGINT finishes before the process exits 0, and its object is in the snapshot", async () => {
    const s = await serve(["--anonymous", "--snapshot", "inflight.json"]);
    const endpoint = new URL(s.env.AWS_ENDPOINT_URL ?? "");
    expect((await fetch(`${endpoint.origin}/late`, { method: "PUT" })).status).toBe(200);
    // Expect: 100-continue: the server answers "continue" once it handles the request, so SIGINT
    // arrives while the request is in progress and before its body.
    const request = httpRequest({ host: endpoint.hostname, port: endpoint.port, method: "PUT", path: "/late/slow.txt", headers: { "content-length": "9", expect: "100-continue" } });
    const status = new Promise<number | undefined>((resolve, reject) => {
      request.on("response", (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode));
      });
      request.on("error", reject);
    });
    await new Promise<void>((resolve) => request.on("continue", resolve));
    s.child.kill("SIGINT");
    request.end("after int");
    expect(await status).toBe(200);
    expect(await s.exited).toBe(0);
    const saved = JSON.parse(await readFile(ws.path("inflight.json"), "utf8")) as { entries: { path: string; text?: string }[] };
    expect(saved.entries).toContainEqual(expect.objectContaining({ path: "late/slow.txt", text: "after int" }));
  });

  it("CLI-063 --anonymous accepts unsigned requests, warns, and prints the placeholder pair", async () => {
    const s = await serve(["--anonymous"]);
    expect([s.env.AWS_ACCESS_KEY_ID, s.env.AWS_SECRET_ACCESS_KEY]).toEqual(["anonymous", "anonymous"]);
    expect(s.stderr()).toMatch(/warning: .*anonymous access is on/);
    const endpoint = s.env.AWS_ENDPOINT_URL ?? "";
    expect((await fetch(`${endpoint}/open`, { method: "PUT" })).status).toBe(200);
    expect((await fetch(`${endpoint}/open/u.txt`, { method: "PUT", body: "unsigned" })).status).toBe(200);
    expect(await (await fetch(`${endpoint}/open/u.txt`)).text()).toBe("unsigned");
    const client = s.client();
    expect(await text(await client.send(new GetObjectCommand({ Bucket: "open", Key: "u.txt" })))).toBe("unsigned");
    client.destroy();
    s.child.kill("SIGINT");
    expect(await s.exited).toBe(0);
  });

  it("CLI-063 without --anonymous an unsigned request is refused", async () => {
    const s = await serve([]);
    const refused = await fetch(`${s.env.AWS_ENDPOINT_URL}/`);
    expect(refused.status).toBe(403);
    s.child.kill("SIGINT");
    expect(await s.exited).toBe(0);
  });

  it("CLI-063 a configured store is one bucket of its name; a local folder's top-level folders are the buckets", async () => {
    const store = await serve(["reports"]);
    const storeClient = store.client();
    expect((await storeClient.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name)).toEqual(["reports"]);
    expect((await storeClient.send(new ListObjectsV2Command({ Bucket: "reports" }))).Contents?.map((o) => o.Key)).toEqual(["seed.txt"]);
    storeClient.destroy();
    store.child.kill("SIGINT");
    expect(await store.exited).toBe(0);

    const folder = await serve(["./data"]);
    expect(folder.stderr()).toContain(`serving ${ws.path("data")} as S3`);
    const folderClient = folder.client();
    expect((await folderClient.send(new ListBucketsCommand({}))).Buckets?.map((b) => b.Name)).toEqual(["reports"]);
    await folderClient.send(new PutObjectCommand({ Bucket: "reports", Key: "from-s3.txt", Body: "on disk" }));
    folderClient.destroy();
    folder.child.kill("SIGINT");
    expect(await folder.exited).toBe(0);
    expect(await readFile(ws.path("data", "reports", "from-s3.txt"), "utf8")).toBe("on disk");
  });

  it("CLI-001 CLI-063 --help lists serve; serve s3 --help shows the options and examples; serve alone is a usage error", async () => {
    const [help, serveHelp, bare] = await Promise.all([ws.run(["--help"]), ws.run(["serve", "s3", "--help"]), ws.run(["serve"])]);
    expect(help.stdout).toMatch(/^ {2}serve /m);
    expect(serveHelp.code).toBe(0);
    for (const option of ["--port", "--host", "--access-key", "--secret-key", "--anonymous", "--snapshot"]) expect(serveHelp.stdout).toContain(option);
    expect(serveHelp.stdout).toContain("Examples:\n  $ remote-store serve s3");
    expect(bare).toMatchObject({ code: 2, stdout: "" });
    expect(bare.stderr).toContain("s3");
  });

  it("CLI-063 CLI-003 bad flags are usage errors (exit 2) naming the problem; a missing folder is 4; a bad snapshot file is 12", async () => {
    await ws.write("bad.json", '{"format":"something else"}');
    const cases: [string[], number, RegExp][] = [
      [["--access-key", "dev"], 2, /USAGE: --access-key and --secret-key go together/],
      [["--secret-key", "s"], 2, /USAGE: --access-key and --secret-key go together/],
      [["--anonymous", "--access-key", "a", "--secret-key", "b"], 2, /USAGE: --anonymous takes no --access-key/],
      [["--port", "70000"], 2, /USAGE: .*--port.*0 to 65535/],
      [["--port", "http"], 2, /USAGE: .*--port/],
      [["--bogus"], 2, /USAGE: unknown option '--bogus'/],
      [["./data", "--snapshot", "x.json"], 2, /USAGE: --snapshot keeps an in-memory tree/],
      [["s3://bucket/x"], 2, /USAGE: serve s3 serves/],
      [["./no-such-folder"], 4, /NOT_FOUND: .*no-such-folder/],
      [["--snapshot", "bad.json"], 12, /INVALID_ARGUMENT: .*bad\.json: not a valid snapshot/],
      [["--snapshot", "missing/s.json"], 4, /NOT_FOUND: .*missing/],
    ];
    const results = await Promise.all(cases.map(([args]) => ws.run(["serve", "s3", ...args])));
    results.forEach((result, i) => {
      const [args, code, message] = cases[i]!;
      expect({ args, code: result.code, stdout: result.stdout }).toEqual({ args, code, stdout: "" });
      expect(lines(result.stderr), args.join(" ")).toEqual([expect.stringMatching(message)]);
    });
  });
});
