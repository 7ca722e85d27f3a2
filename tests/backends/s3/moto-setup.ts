import type { TestProject } from "vitest/node";
import { MOTO_CREDENTIALS, MOTO_ENDPOINT_VARIABLE, MOTO_MISSING, findMotoServer, startMoto } from "../../support/moto.js";
import { DEFAULT_BUCKET, ensureBucket, type S3TestServer } from "./global-setup.js";

/**
 * Vitest globalSetup of the `s3-moto` project (spec S3S-T03, S3S-T04): the S3 backend's tests and
 * the raw-SDK differential against moto. It uses the moto that `.ci/run` started
 * (`MOTO_S3_ENDPOINT`), else starts `moto_server` itself on 127.0.0.1 and stops it at teardown,
 * else provides the reason every moto test is skipped with, and prints it once, loudly.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env[MOTO_ENDPOINT_VARIABLE];
  const executable = findMotoServer();
  if ((given === undefined || given === "") && executable === undefined) {
    process.stderr.write(`\nWARNING: ${MOTO_MISSING}\n\n`);
    project.provide("s3TestServer", { endpoint: "", bucket: DEFAULT_BUCKET, region: "us-east-1", credentials: undefined, conditionalWrites: true, server: "moto", unavailable: MOTO_MISSING });
    return async () => undefined;
  }
  const started = given === undefined || given === "" ? await startMoto(executable === undefined ? {} : { executable }) : undefined;
  const server: S3TestServer = {
    endpoint: started?.endpoint ?? (given as string),
    bucket: DEFAULT_BUCKET,
    region: "us-east-1",
    credentials: { ...MOTO_CREDENTIALS },
    conditionalWrites: true,
    server: "moto",
    bucketPerBackend: true,
  };
  try {
    await ensureBucket(server);
  } catch (error) {
    await started?.stop();
    throw error;
  }
  project.provide("s3TestServer", server);
  return async () => {
    await started?.stop();
  };
}
