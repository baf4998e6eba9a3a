import type { Section } from '../model/types';

/**
 * A section's content as prose to search, offsets kept: HTML comments, code spans and link
 * targets become spaces, since "things" in `` `things.map()` `` or a URL is nothing the writer says.
 * `start` is the offset of the first character in the document.
 */
export function sectionProse(text: string, section: Section): { start: number; prose: string } {
  const [start, end] = section.contentRange;
  const blank = (match: string) => match.replace(/[^\r\n]/g, ' ');
  const prose = text
    .slice(start, end)
    .replace(/<!--[\s\S]*?(?:-->|$)/g, blank)
    .replace(/(`+)[^`]*?\1/g, blank)
    .replace(/\]\([^)\s]*(?:\s+"[^"]*")?\)/g, blank)
    .replace(/\bhttps?:\/\/\S+/g, blank);
  return { start, prose };
}
