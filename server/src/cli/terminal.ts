/** The part of a terminal stream the CLI uses, so a test can hand it a fake terminal. */
export interface Terminal {
  isTTY?: boolean;
  columns?: number;
  hasColors?(): boolean;
  write(text: string): unknown;
}

/**
 * Colour for a terminal that shows it: never with NO_COLOR set (no-color.org), always with
 * FORCE_COLOR set to anything but 0, else when the stream is a terminal that has colours.
 */
export function wantsColour(stream: Terminal, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return !!stream.isTTY && (stream.hasColors?.() ?? false);
}

/** Trees smaller than this finish before a bar would say anything. */
export const PROGRESS_MIN_FILES = 50;
const REDRAW_MS = 100;

/**
 * A one-line bar on standard error while many files are checked, redrawn at most ten times a
 * second and wiped at the end, so a report on standard output reads the same with or without
 * it. Nothing at all when standard error is no terminal (CI logs, pipes).
 */
export class Progress {
  readonly #stream: Terminal;
  readonly #total: number;
  readonly #shown: boolean;
  readonly #now: () => number;
  #done = 0;
  #drawnAt = -Infinity;

  constructor(stream: Terminal, total: number, now: () => number = () => performance.now()) {
    this.#stream = stream;
    this.#total = total;
    this.#shown = !!stream.isTTY && total >= PROGRESS_MIN_FILES;
    this.#now = now;
  }

  tick(file: string): void {
    this.#done++;
    if (!this.#shown || this.#now() - this.#drawnAt < REDRAW_MS) return;
    this.#drawnAt = this.#now();
    const width = Math.max(20, (this.#stream.columns ?? 80) - 1);
    const count = `${this.#done}/${this.#total}`;
    const barWidth = Math.min(30, Math.max(10, width - count.length - 20));
    const filled = Math.round((barWidth * this.#done) / this.#total);
    const line = `[${'='.repeat(filled)}${' '.repeat(barWidth - filled)}] ${count} ${file}`;
    this.#stream.write(`\r${line.length > width ? line.slice(0, width - 1) + '…' : line}\x1b[K`);
  }

  end(): void {
    if (this.#shown && this.#drawnAt !== -Infinity) this.#stream.write('\r\x1b[K');
  }
}
