import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { GREP_ENV, RESULTS_ENV, type TestRunResults } from '../results';

/** Entry point VS Code calls in the extension host (extensionTestsPath). */
export function run(): Promise<void> {
  const resultsFile = process.env[RESULTS_ENV];
  const results: TestRunResults = { tests: [], finished: false };
  const save = () => {
    if (resultsFile) {
      // Written aside and renamed so a polling runner never reads half a file.
      fs.writeFileSync(`${resultsFile}.partial`, JSON.stringify(results, null, 2));
      fs.renameSync(`${resultsFile}.partial`, resultsFile);
    }
  };

  return new Promise((resolve, reject) => {
    try {
      // Spec keeps a readable log in the extension host output; the runners
      // read the results file, not this log.
      const mocha = new Mocha({
        ui: 'tdd',
        timeout: 60_000,
        color: false,
        reporter: 'spec',
        grep: process.env[GREP_ENV] || undefined,
      });
      for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
        mocha.addFile(path.join(__dirname, file));
      }
      const { EVENT_TEST_BEGIN, EVENT_TEST_PASS, EVENT_TEST_FAIL } = Mocha.Runner.constants;
      const runner = mocha.run((failures) => {
        results.finished = true;
        results.running = undefined;
        save();
        if (failures > 0) {
          reject(new Error(`${failures} test(s) failed`));
        } else if (results.tests.length === 0) {
          reject(new Error('no test ran'));
        } else {
          resolve();
        }
      });
      runner.on(EVENT_TEST_BEGIN, (test) => {
        results.running = test.fullTitle();
        save();
      });
      runner.on(EVENT_TEST_PASS, (test) => {
        results.running = undefined;
        results.tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration ?? 0 });
        save();
      });
      // Also fires for failing hooks, which must count as failures.
      runner.on(EVENT_TEST_FAIL, (test, err: Error) => {
        results.running = undefined;
        results.tests.push({
          title: test.fullTitle(),
          state: 'failed',
          durationMs: test.duration ?? 0,
          error: err.stack ?? String(err),
        });
        save();
      });
    } catch (err) {
      results.finished = true;
      results.error = err instanceof Error ? (err.stack ?? err.message) : String(err);
      save();
      reject(err);
    }
  });
}
