// Loaded by the extension host (extensionTestsPath): runs the suites the launcher lists in
// $AI_POLICY_HOST_SUITES (absolute paths of compiled out/test/host/suites/*.test.js) with mocha.
import Mocha from 'mocha';
import CountingReporter from '../harness/countingReporter';
import { markedLog } from '../harness/hostOutput';

export async function run(): Promise<void> {
  const suites = JSON.parse(process.env.AI_POLICY_HOST_SUITES ?? '[]') as string[];
  if (suites.length === 0) throw new Error('AI_POLICY_HOST_SUITES names no suites');
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: CountingReporter });
  for (const file of suites) mocha.addFile(file);
  // Reporters print through Base.consoleLog; marked lines are the ones the launcher shows.
  Mocha.reporters.Base.consoleLog = markedLog;
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} host test(s) failed`);
}
