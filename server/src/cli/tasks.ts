import { readFile } from 'node:fs/promises';
import type { CheckResult, Checker, FileSettings, FixResult } from './checkFile';

/** One file to check or fix; `text` when it came on standard input. Plain data, so it crosses to a worker. */
export interface Task {
  kind: 'check' | 'fix';
  file: string;
  text?: string;
  settings: FileSettings;
}

export type TaskResult =
  | { kind: 'check'; result: CheckResult }
  | { kind: 'fix'; before: string; result: FixResult }
  /** The file could not be read: the run ends with exit code 2, naming it. */
  | { kind: 'error'; error: string };

export async function runTask(checker: Checker, task: Task): Promise<TaskResult> {
  let text: string;
  try {
    text = task.text ?? (await readFile(task.file, 'utf8'));
  } catch (error) {
    return { kind: 'error', error: (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a directory' : (error as Error).message.replace(/^[A-Z]+: /, '').replace(/, [a-z]+ '.*'$/, '') };
  }
  if (task.kind === 'check') return { kind: 'check', result: await checker.check(task.file, text, task.settings) };
  return { kind: 'fix', before: text, result: await checker.fix(task.file, text, task.settings) };
}
