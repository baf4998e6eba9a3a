import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A mistake in how the command was called, a config file or an input file: exit code 2, one line. */
export class UsageError extends Error {}

export type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The command line by node's own parser, strictly: an unknown option or a missing value is a
 * usage error, said in one line, never a stack trace.
 */
export function parse<O extends Options>(argv: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // node's messages end with advice for programmers ("To specify a positional argument …"): the first sentence says it.
    throw new UsageError((error as Error).message.split('. ')[0].replace(/\.$/, ''));
  }
}

type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/** A whole number of at least `min`, from an option's text. */
export function wholeNumber(option: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${option} takes a whole number of at least ${min}, not "${value}"`);
  return Number(value);
}
