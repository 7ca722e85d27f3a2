import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** A running s3rver child process (spec S3-T01). */
export interface S3rverProcess {
  readonly endpoint: string;
  readonly bucket: string;
  /** Stops the server and waits for the process to exit. Idempotent. */
  stop(): Promise<void>;
}

/** s3rver's fixed credentials. */
export const S3RVER_CREDENTIALS = Object.freeze({ accessKeyId: "S3RVER", secretAccessKey: "S3RVER" });

const HOST_SCRIPT = fileURLToPath(new URL("../s3rver-host.mjs", import.meta.url));

/**
 * Starts s3rver 3.7.1 in a child `node --openssl-legacy-provider` (its listing continuation
 * tokens need OpenSSL's legacy DES, and `NODE_OPTIONS` cannot be changed in a running process),
 * on 127.0.0.1 and a free port, with one bucket. Resolves once it listens.
 */
export async function startS3rver(bucket = "remote-store-test"): Promise<S3rverProcess> {
  const child = spawn(process.execPath, ["--openssl-legacy-provider", HOST_SCRIPT, bucket], { stdio: ["pipe", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    let text = "";
    const fail = (why: string) => reject(new Error(`s3rver did not start: ${why}`));
    child.once("error", (error) => fail(error.message));
    child.once("exit", (code) => fail(`exited with code ${String(code)}`));
    child.stdout?.on("data", (data: Buffer) => {
      text += data.toString("utf8");
      const line = text.split("\n")[0];
      if (text.includes("\n") && line !== undefined) {
        try {
          resolve((JSON.parse(line) as { port: number }).port);
        } catch {
          fail(`unexpected output ${JSON.stringify(line)}`);
        }
      }
    });
  });
  return { endpoint: `http://127.0.0.1:${port}`, bucket, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.stdin?.end();
    child.kill("SIGTERM");
  });
}
