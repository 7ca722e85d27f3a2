import type { IncomingHttpHeaders } from "node:http";
import type { QueryParams } from "./route.js";

/**
 * The request's headers as operations read them (lowercase names, one value each). For a
 * presigned request, `x-amz-*` query parameters the signer hoisted out of the headers count as
 * headers too, unless the same header was sent (spec S3S-033); {@link fromQuery} tells them apart.
 */
export class RequestHeaders {
  private readonly values = new Map<string, string>();
  private readonly hoisted = new Set<string>();

  constructor(headers: IncomingHttpHeaders, query: QueryParams, presigned: boolean) {
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined) this.values.set(name, Array.isArray(value) ? value.join(",") : value);
    }
    if (!presigned) return;
    for (const [name, values] of query) {
      const lower = name.toLowerCase();
      if (!lower.startsWith("x-amz-") || lower === "x-amz-content-sha256" || this.values.has(lower)) continue;
      if (/^x-amz-(?:algorithm|credential|date|expires|signedheaders|signature|security-token)$/.test(lower)) continue;
      this.values.set(lower, values[0] ?? "");
      this.hoisted.add(lower);
    }
  }

  /** The value of a header (lowercase name), or `undefined`. */
  get(name: string): string | undefined {
    return this.values.get(name);
  }

  /** True when the value came from a presigned URL's query instead of a header. */
  fromQuery(name: string): boolean {
    return this.hoisted.has(name);
  }

  /** Every header, lowercase name first. */
  entries(): IterableIterator<[string, string]> {
    return this.values.entries();
  }
}
