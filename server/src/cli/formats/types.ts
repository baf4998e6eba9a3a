import type { Reported } from '../checkFile';

/** What one file gave, for a report. */
export interface FileReport {
  /** Absolute path. */
  file: string;
  /** The path as the report shows it: relative to the working folder where it is inside it, with `/`. */
  shown: string;
  findings: Reported[];
  stories: number;
  complete: number;
}

export interface Summary {
  files: number;
  stories: number;
  complete: number;
  problems: number;
  errors: number;
  warnings: number;
}

export interface FormatOptions {
  /** ANSI colours, for a terminal that shows them. */
  colour: boolean;
  /** The tool's version, for the formats that record it. */
  version: string;
}

/** A report of every file checked (in path order, clean ones too), as one string for standard output. */
export type Formatter = (reports: readonly FileReport[], summary: Summary, options: FormatOptions) => string;

/** `N files, N stories (N complete), N problems`: the last line of every run. */
export function summaryLine({ files, stories, complete, problems }: Summary): string {
  return `${count(files, 'file', 'files')}, ${count(stories, 'story', 'stories')} (${complete} complete), ${count(problems, 'problem', 'problems')}`;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
