import { github } from './github';
import { json } from './json';
import { junit } from './junit';
import { sarif } from './sarif';
import { stylish } from './stylish';
import type { Formatter } from './types';

/** `--format` names; the machine formats keep standard output to themselves, so the summary goes to standard error. */
export const FORMATS: Readonly<Record<string, { format: Formatter; summaryOnStderr: boolean }>> = {
  stylish: { format: stylish, summaryOnStderr: false },
  json: { format: json, summaryOnStderr: true },
  sarif: { format: sarif, summaryOnStderr: true },
  github: { format: github, summaryOnStderr: false },
  junit: { format: junit, summaryOnStderr: true },
};
