// Derives the closing `N passed, N failed` line from vitest's JSON report. Skipped and todo
// tests count as failed (a skipped Neo4j test must not pass CI), and so does a test file that
// failed to load, and every CI step that failed before the tests. Exits non-zero on any failure.
import { existsSync, readFileSync } from 'node:fs';

const [reportPath, failedStepsArg = '0'] = process.argv.slice(2);
const failedSteps = Number(failedStepsArg) || 0;
let passed = 0;
let failed = 0;

if (reportPath && existsSync(reportPath)) {
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  for (const file of report.testResults ?? []) {
    const assertions = file.assertionResults ?? [];
    if (file.status === 'failed' && assertions.every((a) => a.status !== 'failed')) {
      // The file itself failed (an error on load or in a hook), whatever its tests said.
      failed += 1;
      console.error(`file failed: ${file.name}: ${(file.message ?? '').split('\n')[0]}`);
    }
    for (const assertion of assertions) {
      if (assertion.status === 'passed') passed += 1;
      else {
        failed += 1;
        if (assertion.status !== 'failed') console.error(`not run (${assertion.status}): ${assertion.fullName}`);
      }
    }
  }
} else {
  console.error('no test report was written');
  failed += 1;
}

console.log(`${passed} passed, ${failed + failedSteps} failed`);
process.exit(failed + failedSteps > 0 ? 1 : 0);
