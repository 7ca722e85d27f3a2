import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { GetObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "../../../tests-browser/support/chromium.js";
import { startHarness, type Harness } from "../support/harness.js";

// S3S-T06, S3S-140, S3S-141: presigned URLs used by a page in headless Chromium (Debian's binary), from
// another origin — the browser's own CORS checks, preflight included, decide what the page may do.
const MISSING = existsSync(CHROMIUM_PATH) ? undefined : `SKIPPED: no browser at ${CHROMIUM_PATH} (apt-get install chromium)`;

let page: Server;
let origin: string;
let browser: Browser;
let tab: Page;
let allowed: Harness;
let elsewhere: Harness;

/** What the page's fetch saw: the status, body text and the headers CORS lets it read; or the error. */
interface Seen {
  readonly status?: number;
  readonly text?: string;
  readonly etag?: string | null;
  readonly error?: string;
}

function pageFetch(url: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}): Promise<Seen> {
  return tab.evaluate(async ({ url, init }) => {
    try {
      const response = await fetch(url, init);
      return { status: response.status, text: await response.text(), etag: response.headers.get("etag") };
    } catch (error) {
      return { error: (error as Error).name };
    }
  }, { url, init });
}

describe.skipIf(MISSING !== undefined)(`presigned URLs in headless Chromium${MISSING === undefined ? "" : ` — ${MISSING}`}`, () => {
  beforeAll(async () => {
    page = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>page</title><p>another origin"));
    await new Promise<void>((resolve) => page.listen(0, "127.0.0.1", resolve));
    origin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
    allowed = await startHarness({ cors: [origin] }, "browser");
    elsewhere = await startHarness({ cors: ["http://elsewhere.invalid"] }, "browser");
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS], headless: true });
    tab = await browser.newPage();
    await tab.goto(origin);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await allowed?.close();
    await elsewhere?.close();
    await new Promise((resolve) => page?.close(resolve));
  });

  it("S3S-T06 a page PUTs through a presigned URL (after a preflight) and GETs it back with its ETag; a tampered URL is a readable 403; another server's origin list blocks the page", async () => {
    const put = await getSignedUrl(allowed.client, new PutObjectCommand({ Bucket: allowed.bucket, Key: "from/page.txt" }), { expiresIn: 300 });
    expect(await pageFetch(put, { method: "PUT", body: "written by a browser", headers: { "content-type": "text/plain" } })).toMatchObject({ status: 200, etag: expect.stringMatching(/^"[0-9a-f]{32}"$/) as unknown });
    expect(await allowed.bucketStore.readText("from/page.txt")).toBe("written by a browser");
    const get = await getSignedUrl(allowed.client, new GetObjectCommand({ Bucket: allowed.bucket, Key: "from/page.txt" }), { expiresIn: 300 });
    expect(await pageFetch(get)).toMatchObject({ status: 200, text: "written by a browser" });
    const tampered = get.replace(/X-Amz-Signature=([0-9a-f])/, (_, c: string) => `X-Amz-Signature=${c === "0" ? "1" : "0"}`);
    const refused = await pageFetch(tampered);
    expect([refused.status, /<Code>SignatureDoesNotMatch<\/Code>/.test(refused.text ?? "")]).toEqual([403, true]);
    await elsewhere.bucketStore.write("x.txt", "x");
    const blocked = await getSignedUrl(elsewhere.client, new GetObjectCommand({ Bucket: elsewhere.bucket, Key: "x.txt" }), { expiresIn: 300 });
    expect(await pageFetch(blocked)).toEqual({ error: "TypeError" });
  }, 120_000);
});
