// The policy file of the exception requests run: the starter policy with exceptions.maxDays 21, written
// where the run's machine settings point and rewritten by the suite to grant the request.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../harness/workspaceSetup';

// In this checkout's test-output, not a shared temporary path: defining the runs rewrites it, and another checkout's
// test run on the same machine must not change the policy under a running session.
export const exceptionsPolicy = path.join(repoRoot(), 'test-output', 'host-fixtures', 'exceptions.aipolicy.yaml');

/** Writes the run's policy afresh (called when the runs are defined, before VS Code starts). */
export function writeExceptionsPolicy(): string {
  const starter = fs.readFileSync(path.join(repoRoot(), 'policy-samples', 'starter.aipolicy.yaml'), 'utf8');
  fs.mkdirSync(path.dirname(exceptionsPolicy), { recursive: true });
  fs.writeFileSync(exceptionsPolicy, starter.replace(/^version: 1$/m, 'version: 1\nexceptions:\n  maxDays: 21'));
  return exceptionsPolicy;
}
