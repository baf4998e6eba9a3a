import { escapeSnippet } from './style';

/** A prompt as it is written into a note: a sentence, so it starts with a capital. */
export function promptText(prompt: string): string {
  return prompt.charAt(0).toUpperCase() + prompt.slice(1);
}

/** The first tab stop of an inserted section: its coaching prompt, selected so that typing replaces it. */
export function promptSnippet(prompt: string | undefined): string {
  if (!prompt) return '$1';
  return `\${1:${escapeSnippet(promptText(prompt))}}`;
}
