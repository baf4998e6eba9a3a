import { STAR_PROMPTS } from '../model/sections';
import { isStarKind, type SectionKind } from '../model/types';
import { escapeSnippet } from './style';

/** The first tab stop of an inserted section: its coaching prompt, selected so that typing replaces it. */
export function promptSnippet(kind: SectionKind): string {
  if (!isStarKind(kind)) return '$1';
  const prompt = STAR_PROMPTS[kind];
  return `\${1:${escapeSnippet(prompt.charAt(0).toUpperCase() + prompt.slice(1))}}`;
}
