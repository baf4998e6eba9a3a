import { escapeSnippet } from './style';

/** The first tab stop of an inserted section: its coaching prompt, selected so that typing replaces it. */
export function promptSnippet(prompt: string | undefined): string {
  if (!prompt) return '$1';
  return `\${1:${escapeSnippet(prompt.charAt(0).toUpperCase() + prompt.slice(1))}}`;
}
