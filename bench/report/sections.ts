/**
 * Sections of bench/RESULTS.md that come from their own runs (`npm run bench:startup`,
 * `npm run bench:s3-server`): each between a begin and an end marker, replaced by its own run and
 * kept when `npm run bench` rewrites the file (spec BENCH-064, BENCH-074).
 */

/** The two HTML comments around one section. */
export interface SectionMarkers {
  readonly begin: string;
  readonly end: string;
}

/** `markdown` with the section between `markers` replaced by `section` (or `section` appended). */
export function spliceSection(markdown: string, section: string, markers: SectionMarkers): string {
  const begin = markdown.indexOf(markers.begin);
  const end = markdown.indexOf(markers.end);
  if (begin >= 0 && end > begin) return `${markdown.slice(0, begin)}${section}${markdown.slice(end + markers.end.length)}`;
  return `${markdown.trimEnd()}\n\n${section}\n`;
}

/** The section of `markdown` between `markers`, markers included, if it has one. */
export function sectionOf(markdown: string, markers: SectionMarkers): string | undefined {
  const begin = markdown.indexOf(markers.begin);
  const end = markdown.indexOf(markers.end);
  return begin >= 0 && end > begin ? markdown.slice(begin, end + markers.end.length) : undefined;
}

/** `fresh` with every section of `previous` named by `kept` carried over (in place if `fresh` has it, else appended). */
export function keepSections(previous: string, fresh: string, kept: readonly SectionMarkers[]): string {
  let markdown = fresh;
  for (const markers of kept) {
    const section = sectionOf(previous, markers);
    if (section !== undefined) markdown = spliceSection(markdown, section, markers);
  }
  return markdown;
}
