import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with a plain `N passed, N failed, N skipped` line, which any CI can read,
 * after one line for each reason tests were skipped (a tool that cannot run here).
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const skipped = new Map<string, number>();
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const result = test.result();
        if (result.state === 'passed') counts.passed++;
        else if (result.state === 'failed') counts.failed++;
        else {
          counts.skipped++;
          if (result.state === 'skipped' && result.note) skipped.set(result.note, (skipped.get(result.note) ?? 0) + 1);
        }
      }
    }
    for (const [reason, count] of skipped) process.stdout.write(`\nskipped ${count} ${count === 1 ? 'test' : 'tests'}: ${reason}`);
    process.stdout.write(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped\n`);
  }
}
