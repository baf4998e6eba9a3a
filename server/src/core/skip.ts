import type { Settings } from './settings';

/** Why a text is not worth analysing (too large, not text), or undefined to go ahead. */
export function skipReason(text: string, settings: Pick<Settings, 'maxFileSize'>): string | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > settings.maxFileSize) {
    return `skipped: ${(bytes / 1024 / 1024).toFixed(1)} MB is over starNotes.maxFileSize (${(settings.maxFileSize / 1024 / 1024).toFixed(1)} MB)`;
  }
  if (looksBinary(text)) return 'skipped: the file looks binary, not text';
  return undefined;
}

/** NUL bytes, or more than one in ten characters a control character, in the first 8 KB. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  return sample.length > 0 && controls / sample.length > 0.1;
}
