// Shared by the test index (bundled into the extension host) and the runners,
// which read the results back: keep it free of Node-only imports.

/** Names the file the test index writes its results to; the runners set it. */
export const RESULTS_ENV = 'STAR_NOTES_VSCODE_RESULTS';

export interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  durationMs: number;
  error?: string;
}

export interface TestRunResults {
  tests: TestResult[];
  /** Set when the suite could not run at all, e.g. a test file failed to load. */
  error?: string;
}

/** Prints one line per test and the summary line; returns whether the run succeeded. */
export function reportResults(results: TestRunResults, log: (line: string) => void = console.log): boolean {
  for (const test of results.tests) {
    const mark = test.state === 'passed' ? 'PASS' : 'FAIL';
    log(`${mark} ${test.title} (${test.durationMs} ms)`);
    if (test.error) {
      log(indent(test.error));
    }
  }
  if (results.error) {
    log(`ERROR the suite did not run:\n${indent(results.error)}`);
  }
  const passed = results.tests.filter((t) => t.state === 'passed').length;
  const failed = results.tests.length - passed;
  if (results.tests.length === 0) {
    log('ERROR no test ran');
  }
  log(`vscode: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 && !results.error;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n');
}
