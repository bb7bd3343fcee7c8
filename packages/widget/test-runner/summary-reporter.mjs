// Writes what each engine ran (passed, failed, skipped) to a JSON file once the run ends, so
// scripts/run.mjs can print one closing count for CI whatever the default reporter drew above.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function count(result, totals) {
  if (!result) return;
  for (const test of result.tests) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else totals.failed++;
  }
  for (const suite of result.suites) count(suite, totals);
}

/** @returns {import('@web/test-runner').Reporter} */
export function summaryReporter({ outputFile }) {
  return {
    onTestRunFinished({ sessions }) {
      const engines = {};
      for (const session of sessions) {
        const name = session.browser.name;
        engines[name] ??= { passed: 0, failed: 0, skipped: 0, files: 0, filesFailed: 0 };
        const totals = engines[name];
        totals.files++;
        // A file that could not load or threw outside a test has errors but no failed test.
        if (!session.passed) totals.filesFailed++;
        count(session.testResults, totals);
      }
      mkdirSync(dirname(outputFile), { recursive: true });
      writeFileSync(outputFile, `${JSON.stringify({ engines }, null, 2)}\n`);
    },
  };
}
