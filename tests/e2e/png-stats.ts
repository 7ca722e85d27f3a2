import type { Page } from "playwright-core";

/** What a screenshot shows, in numbers (no image library: the page's own decoder reads it). */
export interface PngStats {
  readonly width: number;
  readonly height: number;
  /** Distinct RGB colours. */
  readonly colours: number;
  /** Share of dark pixels (luma < 100): text and borders. */
  readonly inkShare: number;
  /** Pixels close to the playground's button blue (#2f5bd3). */
  readonly buttonBlue: number;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * Checks the PNG signature and IHDR chunk in Node, then decodes the image in `page` (an `Image`
 * drawn on an `OffscreenCanvas`) and counts its pixels.
 */
export async function pngStats(page: Page, png: Uint8Array): Promise<PngStats> {
  if (!SIGNATURE.every((byte, index) => png[index] === byte)) throw new Error("not a PNG: wrong signature");
  const header = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunkType = String.fromCharCode(...png.subarray(12, 16));
  if (chunkType !== "IHDR") throw new Error(`not a PNG: first chunk is ${chunkType}`);
  const width = header.getUint32(16);
  const height = header.getUint32(20);
  const decoded = await page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = new OffscreenCanvas(image.naturalWidth, image.naturalHeight);
    const context = canvas.getContext("2d");
    if (context === null) throw new Error("no 2d context");
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const colours = new Set<number>();
    let ink = 0;
    let blue = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      colours.add((r << 16) | (g << 8) | b);
      if (0.299 * r + 0.587 * g + 0.114 * b < 100) ink++;
      if (Math.abs(r - 0x2f) + Math.abs(g - 0x5b) + Math.abs(b - 0xd3) < 24) blue++;
    }
    return { width: canvas.width, height: canvas.height, colours: colours.size, inkShare: ink / (data.length / 4), buttonBlue: blue };
  }, Buffer.from(png).toString("base64"));
  if (decoded.width !== width || decoded.height !== height) throw new Error(`IHDR says ${width}x${height}, the image decodes to ${decoded.width}x${decoded.height}`);
  return decoded;
}
