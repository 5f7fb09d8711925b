// Ends every test run with one plain line, "N passed, N failed, N skipped", that any CI
// reads the same way whatever the test runner.
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryLineReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };

    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed += 1;
        else if (state === 'failed') counts.failed += 1;
        else counts.skipped += 1;
      }
    }

    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ` +
      `${counts.skipped} skipped\n`);
  }
}
