// Mocha's spec reporter that also writes {passed, failed, pending} to the file named by
// $AI_POLICY_TEST_RESULT, so the test runner can sum the tiers.
import * as fs from 'node:fs';
import Mocha from 'mocha';

class CountingReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once('end', () => {
      const file = process.env.AI_POLICY_TEST_RESULT;
      if (!file) return;
      const s = this.stats;
      fs.writeFileSync(file, JSON.stringify({ passed: s.passes, failed: s.failures, pending: s.pending }));
    });
  }
}

export = CountingReporter;
