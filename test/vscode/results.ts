// Shared by the test index (bundled into the extension host) and the runners,
// which read the results back: keep it free of Node-only imports.

/** Names the file the test index writes its results to; the runners set it. */
export const RESULTS_ENV = 'STAR_NOTES_VSCODE_RESULTS';
/** Optional mocha --grep pattern, passed from a runner's --grep. */
export const GREP_ENV = 'STAR_NOTES_VSCODE_GREP';
/** The VS Code user data folder of a run, where tests find the extension's output channel log. */
export const USER_DATA_ENV = 'STAR_NOTES_VSCODE_USER_DATA';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  durationMs: number;
  error?: string;
}

/** Rewritten after every test, so a runner can stream progress and knows what hung. */
export interface TestRunResults {
  tests: TestResult[];
  finished: boolean;
  /** The test in progress while `finished` is false. */
  running?: string;
  /** Set when the suite could not run at all, e.g. a test file failed to load. */
  error?: string;
}

export function printTest(test: TestResult, log: (line: string) => void = console.log): void {
  log(`${test.state === 'passed' ? 'PASS' : 'FAIL'} ${test.title} (${test.durationMs} ms)`);
  if (test.error) {
    log(indent(test.error));
  }
}

/** Prints the closing line (and why a run is not a success); returns whether it is one. */
export function printSummary(results: TestRunResults, log: (line: string) => void = console.log): boolean {
  if (results.error) {
    log(`ERROR the suite did not complete:\n${indent(results.error)}`);
  }
  const passed = results.tests.filter((t) => t.state === 'passed').length;
  const failed = results.tests.length - passed;
  if (results.tests.length === 0) {
    log('ERROR no test ran');
  }
  log(`vscode: ${passed} passed, ${failed} failed`);
  return results.finished && failed === 0 && passed > 0 && !results.error;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
