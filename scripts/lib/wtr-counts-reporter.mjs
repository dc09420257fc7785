// Writes how many browser tests passed and failed, for the closing line of `pnpm test`.
import { mkdirSync, writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

export function countsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { passed: 0, failed: 0, skipped: 0 };
      for (const session of sessions) {
        count(session.testResults, totals);
        // A file that failed to load has no test results but must count as a failure.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) totals.failed++;
      }
      const file = process.env.CIVIC_WTR_COUNTS;
      if (file) {
        mkdirSync(new URL('.', `file://${file}`).pathname, { recursive: true });
        writeFileSync(file, JSON.stringify(totals));
      }
    },
  };
}
