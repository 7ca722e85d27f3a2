import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, sep } from "node:path";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".json": "application/json",
};

/** A running static server; `close()` stops it. */
export interface StaticServer {
  /** Base URL with a trailing slash, e.g. `http://127.0.0.1:40123/`. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the files of `root` (GET and HEAD only, nothing outside `root`) on 127.0.0.1. Port 0,
 * the default, picks a free port. For the playground and its end-to-end test; not a web server.
 */
export async function serveDirectory(root: string, options: { port?: number } = {}): Promise<StaticServer> {
  const base = normalize(root + sep);
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const file = normalize(join(base, pathname.endsWith("/") ? `${pathname}index.html` : pathname));
    const refuse = (status: number): void => {
      response.writeHead(status, { "content-type": "text/plain" }).end(String(status));
    };
    if (request.method !== "GET" && request.method !== "HEAD") return refuse(405);
    if (!file.startsWith(base)) return refuse(403);
    stat(file).then(
      (info) => {
        if (!info.isFile()) return refuse(404);
        response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-length": info.size, "cache-control": "no-store" });
        if (request.method === "HEAD") return response.end();
        createReadStream(file).pipe(response);
      },
      () => refuse(404),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
