import { mkdtempSync } from "node:fs";
import { rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import * as nodePath from "node:path";
import { LocalBackend } from "../../../src/backends/local/index.js";
import { describeBackendConformance } from "../../../src/testing/index.js";

/**
 * TEST-008: a LocalBackend in a fresh temp folder of its own, removed when the backend closes. The harness
 * closes every backend it made, also those it makes while collecting (to read the capabilities),
 * and the cases that wait for the clock run concurrently (CONF-H08): so each case cleans up only
 * its own folder, never another's.
 */
class TempLocalBackend extends LocalBackend {
  private readonly tempDir: string;

  constructor() {
    const dir = mkdtempSync(nodePath.join(tmpdir(), "rs-local-conf-"));
    super({ root: nodePath.join(dir, "root") });
    this.tempDir = dir;
  }

  override async close(): Promise<void> {
    await super.close();
    await rm(this.tempDir, { recursive: true, force: true });
  }
}

/*
 * spec LOC-005: every case runs except those with the `quota` trait (CONF-365..CONF-375, CONF-541, CONF-565,
 * CONF-566, CONF-598), skipped with the reason "needs createWithQuota": the local backend has no
 * `maxSize` of its own — the disk's limits give `QuotaExceeded` (spec LOC-020) — so there is no
 * quota backend to hand the harness.
 */
describeBackendConformance("LocalBackend", { create: () => new TempLocalBackend() });
