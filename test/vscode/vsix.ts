import * as fs from 'node:fs';

export interface ZipEntry {
  name: string;
  /** Bytes once extracted. */
  size: number;
  /** Bytes in the archive. */
  compressedSize: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

/**
 * The files in a zip archive such as a VSIX, read from its central directory
 * (no unzip needed: a fresh CI machine has only Node). Zip64 is not handled;
 * a VSIX that needs it is far over any size budget anyway.
 */
export function zipEntries(file: string): ZipEntry[] {
  const zip = fs.readFileSync(file);
  // The end record is 22 bytes plus a comment of at most 65535.
  let end = -1;
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at--) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) {
    throw new Error(`${file} is not a zip archive`);
  }
  const count = zip.readUInt16LE(end + 10);
  const entries: ZipEntry[] = [];
  for (let at = zip.readUInt32LE(end + 16), i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new Error(`${file}: broken central directory at byte ${at}`);
    }
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    entries.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

export function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** An `unzip -l`-like listing, largest first, with what each file costs in the archive. */
export function describeEntries(entries: ZipEntry[]): string {
  const rows = [...entries]
    .sort((a, b) => b.compressedSize - a.compressedSize)
    .map((e) => `${kilobytes(e.compressedSize).padStart(10)} ${kilobytes(e.size).padStart(10)}  ${e.name}`);
  const packed = entries.reduce((sum, e) => sum + e.compressedSize, 0);
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  return [
    `${'packed'.padStart(10)} ${'unpacked'.padStart(10)}  file`,
    ...rows,
    `${kilobytes(packed).padStart(10)} ${kilobytes(unpacked).padStart(10)}  ${entries.length} files`,
  ].join('\n');
}
