import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The package's version, from its package.json: two folders up from the bundle (server/out), three from the source. */
export function toolVersion(): string {
  for (const file of [join(__dirname, '..', '..', 'package.json'), join(__dirname, '..', '..', '..', 'package.json')]) {
    try {
      const { name, version } = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (name === 'star-notes' && version) return version;
    } catch {
      // Not this one: try the next.
    }
  }
  return '0.0.0';
}
