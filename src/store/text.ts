/**
 * Decodes a file's bytes (spec ST-021, ST-024). With a `fatal` decoder, bytes that are not valid
 * in the encoding reject with a `TypeError` that names the path and keeps the decoder's error as
 * `cause`, as `TextDecoder` itself throws a `TypeError`.
 */
export function decodeText(decoder: TextDecoder, bytes: Uint8Array, path: string): string {
  try {
    return decoder.decode(bytes);
  } catch (error) {
    throw new TypeError(`The content of ${JSON.stringify(path)} is not valid ${decoder.encoding}`, { cause: error });
  }
}
