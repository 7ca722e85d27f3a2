import { readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import * as nodePath from "node:path";
import { Command, InvalidArgumentError, Option } from "commander";
import { LocalBackend } from "../../backends/local/index.js";
import { MemoryBackend } from "../../backends/memory/memory-backend.js";
import type { Backend } from "../../contract/backend.js";
import { InvalidArgument } from "../../errors/classes.js";
import { isRemoteStoreError } from "../../errors/remote-store-error.js";
import { serveS3, type S3Server, type ServeS3Options } from "../../s3-server/index.js";
import { exportTree, importTree } from "../../snapshot/index.js";
import { Store } from "../../store/store.js";
import type { CommandContext } from "../context.js";
import { usageError } from "../errors/cli-errors.js";
import { EXIT } from "../errors/exit-codes.js";
import { localError } from "../errors/local-errors.js";
import { writeAll } from "../io.js";
import { isBareStoreName, parseLocation } from "../session/parse-location.js";
import { examples } from "./options.js";
import type { Runner } from "./runner.js";

interface ServeS3CommandOptions {
  readonly port?: number;
  readonly host: string;
  readonly accessKey?: string;
  readonly secretKey?: string;
  readonly anonymous?: boolean;
  readonly snapshot?: string;
}

/** `serve s3 [location] …` (spec CLI-063): a store as an S3 endpoint until Ctrl-C. */
export function serveCommand(run: Runner): Command {
  const s3 = new Command("s3")
    .description("serve a store as an S3-compatible endpoint until Ctrl-C: a new in-memory store (default), a configured store, or a local folder")
    .argument("[location]", "what to serve: a configured store (one bucket of its name), a local folder or memory:// store (its top-level folders are the buckets); default a new in-memory store")
    .addOption(new Option("--port <port>", "port to listen on (default: a free port)").argParser(portNumber))
    .addOption(new Option("--host <host>", "address to listen on").default("127.0.0.1").argParser(hostName))
    .option("--access-key <id>", "the access key id clients sign with (with --secret-key; default: a random pair)")
    .option("--secret-key <secret>", "the secret access key clients sign with (with --access-key)")
    .option("--anonymous", "accept unsigned requests (and any signature); no keys")
    .option("--snapshot <file>", "load the in-memory tree from this snapshot file at start (when it exists) and save it there on stop")
    .addHelpText(
      "after",
      examples([
        "remote-store serve s3 --port 9000",
        "remote-store serve s3 --snapshot s3-state.json",
        "remote-store serve s3 ./data --access-key dev --secret-key devsecret",
        "remote-store serve s3 reports",
      ]) + "\nPrints the environment for S3 clients (AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION) on stdout.\n",
    )
    .action(run<ServeS3CommandOptions>((ctx, [spec], options) => serveS3Command(ctx, spec as string | undefined, options)));
  return new Command("serve")
    .description("serve a store over a network protocol (s3) until Ctrl-C")
    .addHelpText("after", examples(["remote-store serve s3", "remote-store serve s3 --help"]))
    .addCommand(s3);
}

/** `--port`: an integer 0..65535 (a usage error otherwise, spec CLI-003). */
function portNumber(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(port) || port > 65535) throw new InvalidArgumentError("expected a port number from 0 to 65535");
  return port;
}

function hostName(value: string): string {
  if (value.trim() === "") throw new InvalidArgumentError("expected an address or host name");
  return value;
}

/** What is served: the `serveS3` source, a label, and what the command must close. */
interface Served {
  readonly source: Pick<ServeS3Options, "backend" | "buckets">;
  readonly label: string;
  /** The whole served tree when it is kept in memory (a snapshot can load and save it). */
  readonly memory: Store | undefined;
  close(): Promise<void>;
}

async function serveS3Command(ctx: CommandContext, spec: string | undefined, options: ServeS3CommandOptions): Promise<void> {
  const credentials = credentialsOf(options);
  const served = await openServed(ctx, spec);
  try {
    if (options.snapshot !== undefined && served.memory === undefined) {
      throw usageError(`--snapshot keeps an in-memory tree; ${served.label} keeps its own data (serve the memory store or a memory:// store)`);
    }
    const snapshot = options.snapshot === undefined ? undefined : nodePath.resolve(ctx.io.cwd, options.snapshot);
    if (snapshot !== undefined) await loadSnapshot(served.memory as Store, snapshot);
    const server = await startServer(ctx, served, options, credentials);
    const stopped = stopSignal();
    try {
      await printEnvironment(ctx, server, credentials === "anonymous");
      ctx.io.stderr.write(`serving ${served.label} as S3 at ${server.endpoint} (Ctrl-C to stop)\n`);
      await stopped.first;
      await server.close();
      if (snapshot !== undefined) await saveSnapshot(served.memory as Store, snapshot);
    } finally {
      stopped.dispose();
      await server.close();
    }
  } finally {
    await served.close();
  }
}

/** The credential options (spec CLI-063): a pair, `--anonymous`, or neither (a random pair). */
function credentialsOf(options: ServeS3CommandOptions): { accessKeyId: string; secretAccessKey: string } | "anonymous" | undefined {
  const { accessKey, secretKey, anonymous } = options;
  if (anonymous === true) {
    if (accessKey !== undefined || secretKey !== undefined) throw usageError("--anonymous takes no --access-key or --secret-key");
    return "anonymous";
  }
  if ((accessKey === undefined) !== (secretKey === undefined)) throw usageError("--access-key and --secret-key go together: give both, or neither for a random pair");
  if (accessKey === undefined || secretKey === undefined) return undefined;
  if (accessKey === "" || accessKey.includes("/")) throw usageError("--access-key must be a non-empty id without \"/\"");
  if (secretKey === "") throw usageError("--secret-key must not be empty");
  return { accessKeyId: accessKey, secretAccessKey: secretKey };
}

/** Resolves what to serve (spec CLI-063). */
async function openServed(ctx: CommandContext, spec: string | undefined): Promise<Served> {
  const { session } = ctx;
  if (spec === undefined) {
    const backend = new MemoryBackend({ name: "serve" });
    return { source: { backend }, label: "a new in-memory store", memory: new Store({ backend }), close: () => backend.close() };
  }
  const isStore = (name: string): boolean => session.storeNames.includes(name);
  const parsed = isBareStoreName(spec) && isStore(spec) ? { kind: "store" as const, name: spec, path: "" } : parseLocation(spec, isStore);
  if (parsed.kind === "store") {
    const location = session.location(parsed.path === "" ? `${parsed.name}:` : spec);
    const store = location.path === "" ? location.store : location.store.child(location.path);
    return { source: { buckets: { [parsed.name]: store } }, label: `${location.display()} (the bucket ${parsed.name})`, memory: undefined, close: async () => undefined };
  }
  const location = session.location(spec);
  const backend: Backend = location.store.backend;
  if (backend instanceof LocalBackend) {
    const folder = nodePath.join(backend.root, ...location.path.split("/"));
    if (!(await location.run(() => location.store.isFolder(location.path)))) {
      const isFile = await location.run(() => location.store.isFile(location.path));
      throw localError(Object.assign(new Error(`not a folder: ${folder}`), { code: isFile ? "ENOTDIR" : "ENOENT" }), folder, "folder");
    }
    const own = new LocalBackend({ root: folder });
    return { source: { backend: own }, label: folder, memory: undefined, close: () => own.close() };
  }
  if (backend instanceof MemoryBackend && location.path === "" && location.store.rootPath === "") {
    return { source: { backend }, label: `${location.display()} (in-memory)`, memory: location.store, close: async () => undefined };
  }
  throw usageError(`serve s3 serves a new in-memory store (no location), a configured store (name or name:path), a memory:// store or a local folder; got ${JSON.stringify(spec)}`);
}

async function startServer(ctx: CommandContext, served: Served, options: ServeS3CommandOptions, credentials: ReturnType<typeof credentialsOf>): Promise<S3Server> {
  try {
    return await serveS3({
      ...served.source,
      host: options.host,
      ...(options.port === undefined ? {} : { port: options.port }),
      ...(credentials === "anonymous" ? { anonymous: true } : credentials === undefined ? {} : { credentials }),
      onWarning: (message) => void ctx.io.stderr.write(`remote-store: warning: ${message}\n`),
    });
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) throw usageError(error.message);
    throw error;
  }
}

/** The environment lines an S3 client needs, on stdout (spec CLI-063). */
async function printEnvironment(ctx: CommandContext, server: S3Server, anonymous: boolean): Promise<void> {
  const pair = server.credentials[0] ?? (anonymous ? { accessKeyId: "anonymous", secretAccessKey: "anonymous" } : undefined);
  const lines = [`AWS_ENDPOINT_URL=${shellValue(server.endpoint)}`];
  if (pair !== undefined) lines.push(`AWS_ACCESS_KEY_ID=${shellValue(pair.accessKeyId)}`, `AWS_SECRET_ACCESS_KEY=${shellValue(pair.secretAccessKey)}`);
  lines.push(`AWS_REGION=${shellValue(server.region)}`);
  await writeAll(ctx.io.stdout, `${lines.join("\n")}\n`);
}

/** A value as a POSIX shell word: as it is when safe, else single-quoted. */
function shellValue(value: string): string {
  return /^[A-Za-z0-9_./:+=@%,-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}

/** Waits for the first SIGINT or SIGTERM; a second one exits at once (code 130). */
function stopSignal(): { first: Promise<void>; dispose(): void } {
  let stopping = false;
  let resolve: () => void = () => undefined;
  const first = new Promise<void>((done) => (resolve = done));
  const listener = (): void => {
    if (stopping) process.exit(EXIT.interrupted);
    stopping = true;
    resolve();
  };
  process.on("SIGINT", listener);
  process.on("SIGTERM", listener);
  return {
    first,
    dispose: () => {
      process.off("SIGINT", listener);
      process.off("SIGTERM", listener);
    },
  };
}

/** Loads the snapshot file into the empty memory tree when the file exists (spec CLI-063). */
async function loadSnapshot(store: Store, file: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as { code?: unknown }).code !== "ENOENT") throw localError(error, file, "snapshot file");
    await stat(nodePath.dirname(file)).catch((missing: unknown) => {
      throw localError(missing, nodePath.dirname(file), "folder of the snapshot file");
    });
    return;
  }
  let snapshot: unknown;
  try {
    snapshot = JSON.parse(text);
  } catch (error) {
    throw new InvalidArgument(`${file}: not a snapshot file: ${(error as Error).message}`, { cause: error });
  }
  try {
    await importTree(store, snapshot);
  } catch (error) {
    if (!isRemoteStoreError(error, "INVALID_ARGUMENT") && !isRemoteStoreError(error, "INVALID_PATH")) throw error;
    throw new InvalidArgument(`${file}: not a valid snapshot: ${error.message}`, { cause: error });
  }
}

/** Saves the tree to the snapshot file: a temporary file renamed into place (spec CLI-063). */
async function saveSnapshot(store: Store, file: string): Promise<void> {
  const snapshot = await exportTree(store);
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, `${JSON.stringify(snapshot, null, 2)}\n`);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw localError(error, file, "snapshot file");
  }
}
