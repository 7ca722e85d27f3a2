import { XMLBuilder, XMLParser, XMLValidator } from "fast-xml-parser";
import { S3Error } from "./errors.js";
import { isObject, isRecord } from "../shared/checks/objects.js";

/** The namespace of S3's result documents. */
export const S3_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";

/** A value of an XML document to build: text, a nested element, or a repeated (flattened) list. */
export type XmlValue = string | number | boolean | undefined | XmlElement | readonly XmlElement[] | readonly string[];

/** The children of an element, in document order; `undefined` children are left out. */
export interface XmlElement {
  readonly [name: string]: XmlValue;
}

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", suppressEmptyNode: false, suppressBooleanAttributes: false });

/**
 * An XML document `<root>…</root>` with the XML declaration (spec S3S-150). Result documents
 * carry S3's namespace; `<Error>` does not. Arrays become repeated elements (S3's flattened
 * lists); `undefined` children are omitted; text is escaped by the builder.
 */
export function buildXml(root: string, children: XmlElement, { namespace = true }: { readonly namespace?: boolean } = {}): string {
  const element = namespace ? { "@_xmlns": S3_NAMESPACE, ...dropUndefined(children) } : dropUndefined(children);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ [root]: element })}`;
}

function dropUndefined(element: XmlElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(element)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) out[name] = value.map((item: unknown) => (isObject(item) ? dropUndefined(item as XmlElement) : item));
    else if (isObject(value)) out[name] = dropUndefined(value as XmlElement);
    else out[name] = value;
  }
  return out;
}

/** A parsed element: text children are strings, repeated children (named in `lists`) arrays. */
export type ParsedXml = { readonly [name: string]: string | ParsedXml | readonly ParsedXml[] | undefined };

/**
 * Parses a request document and returns its root element's children, or throws `MalformedXML`
 * (spec S3S-150): the text must be well-formed, have the expected root, and no DOCTYPE (no
 * entity expansion). Text is kept as sent (no trimming: keys may have spaces); character and
 * the predefined entity references are decoded.
 */
export function parseXml(text: string, root: string, lists: readonly string[]): ParsedXml {
  if (text.trim() === "" || /<!DOCTYPE/i.test(text)) throw new S3Error("MalformedXML");
  const parser = new XMLParser({
    ignoreAttributes: true,
    parseTagValue: false,
    trimValues: false,
    htmlEntities: true,
    isArray: (name) => lists.includes(name),
  });
  let document: Record<string, unknown>;
  try {
    // The validator and the parser both throw on some broken input (an unclosed comment).
    if (XMLValidator.validate(text) !== true) throw new S3Error("MalformedXML");
    document = parser.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new S3Error("MalformedXML", undefined, { cause: error });
  }
  const element = document[root];
  if (element === "") return {};
  if (!isRecord(element)) throw new S3Error("MalformedXML", `The document's root element must be <${root}>.`);
  return element as ParsedXml;
}

/** The text of child `name`, or `undefined` when absent; an element where text is expected is `MalformedXML`. */
export function textOf(element: ParsedXml, name: string): string | undefined {
  const value = element[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") {
    if (typeof value === "object" && !Array.isArray(value) && Object.keys(value).every((k) => k === "#text")) return "";
    throw new S3Error("MalformedXML", `<${name}> must hold text.`);
  }
  return value;
}

/** The repeated children `name` (declared in `lists` when parsing). */
export function listOf(element: ParsedXml, name: string): readonly ParsedXml[] {
  const value = element[name];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new S3Error("MalformedXML", `<${name}> must be a list of elements.`);
  return (value as unknown[]).map((item) => {
    if (!isObject(item)) throw new S3Error("MalformedXML", `<${name}> must hold elements.`);
    return item as ParsedXml;
  });
}
