/**
 * A child process for tests/backends/local/residue.test.ts (run with `node --import tsx`): it
 * opens a LocalBackend and starts one operation that never finishes, so that the test can kill it
 * with SIGKILL in the middle (spec LOC-133). Arguments: `<root> <mode> <path>`.
 *
 * - `write`: streams 8 MiB into `<path>`, then waits for ever before the next chunk.
 * - `part`: starts an upload of `<path>`, completes part 1, then streams part 2 and waits likewise.
 * - `exit`: writes `<path>` and lets the process end without closing the backend.
 *
 * Once the operation is in the middle (every chunk so far is on disk), it sends
 * `{ ready: true, uploadId? }` over the IPC channel. Its stdin, which the test never ends, keeps
 * the process alive until it is killed.
 */
import { LocalBackend } from "../../../src/backends/local/index.js";

const [root, mode, path] = process.argv.slice(2) as [string, string, string];
const backend = new LocalBackend({ root });
const MIB = new Uint8Array(1024 * 1024).fill(0x61);
const options = { overwrite: false, contentType: "application/x-crash", metadata: { why: "crash test" } };

async function* stalled(mib: number, ready: () => void): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < mib; i++) yield MIB;
  // The previous chunk is written when the next one is asked for: the write is in the middle now.
  ready();
  await new Promise<never>(() => undefined);
}

function send(message: object): void {
  if (process.send === undefined) throw new Error("crash-writer needs an IPC channel");
  process.send(message);
}

if (mode !== "exit") process.stdin.resume();
if (mode === "write") {
  void backend.write(path, stalled(8, () => send({ ready: true })), options);
} else if (mode === "part") {
  const uploadId = await backend.startMultipartUpload(path, options);
  await backend.uploadPart(uploadId, 1, MIB);
  void backend.uploadPart(uploadId, 2, stalled(3, () => send({ ready: true, uploadId })));
} else if (mode === "exit") {
  await backend.write(path, MIB, options);
  send({ ready: true });
  process.disconnect();
} else {
  throw new Error(`unknown mode ${mode}`);
}
