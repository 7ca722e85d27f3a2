import { S3ServiceException, type S3Client } from "@aws-sdk/client-s3";

/** One command the stub received (a `Body` is recorded as `BodyLength` only, so no part is kept). */
export interface StubCall {
  readonly command: string;
  readonly input: Record<string, unknown>;
}

/** Answers one command: a result, or a thrown error. `undefined` means "not handled". */
export type StubHandler = (input: Record<string, unknown>, call: number) => unknown;

/** A stand-in for `S3Client` that records every command and answers from `handlers` (spec S3-T03). */
export interface StubClient {
  readonly client: S3Client;
  readonly calls: StubCall[];
  /** The commands received, by name. */
  names(): string[];
}

/** An error shaped like the SDK's service exceptions. */
export function serviceError(name: string, status: number): S3ServiceException {
  return new S3ServiceException({ name, $fault: status >= 500 ? "server" : "client", $metadata: { httpStatusCode: status }, message: name });
}

/** A stub whose unhandled commands fail the test loudly. HEADs and listings default to an empty bucket. */
export function stubClient(handlers: Record<string, StubHandler>): StubClient {
  const calls: StubCall[] = [];
  const counts = new Map<string, number>();
  const defaults: Record<string, StubHandler> = {
    HeadObjectCommand: () => {
      throw serviceError("NotFound", 404);
    },
    ListObjectsV2Command: () => ({ KeyCount: 0, Contents: [], IsTruncated: false }),
    PutObjectCommand: () => ({ ETag: '"put"' }),
  };
  const client = {
    config: {},
    async send(command: { constructor: { name: string }; input: Record<string, unknown> }) {
      const name = command.constructor.name;
      const input = { ...command.input };
      if (input.Body instanceof Uint8Array) input.BodyLength = input.Body.length;
      calls.push({ command: name, input: "Body" in input ? { ...input, Body: undefined } : input });
      const call = (counts.get(name) ?? 0) + 1;
      counts.set(name, call);
      const handler = handlers[name] ?? defaults[name];
      if (handler === undefined) throw new Error(`stub client: unexpected ${name}`);
      await Promise.resolve();
      return handler(input, call);
    },
    destroy() {},
  } as unknown as S3Client;
  return { client, calls, names: () => calls.map((c) => c.command) };
}
