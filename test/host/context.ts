// What the harness tells the suites about the run they are in (set as $AI_POLICY_TEST_CONTEXT).
export interface HostContext {
  run: string;
  trusted: boolean;
  gitInit: boolean;
  /** Absolute path of the copied fixture workspace, if one is open. */
  workspaceDir?: string;
  machineSettings: Record<string, unknown>;
  userSettings: Record<string, unknown>;
  /** Ids (publisher.name, lower case) of the fake extensions installed for the run. */
  fakeExtensions: string[];
}

export function hostContext(): HostContext {
  const raw = process.env.AI_POLICY_TEST_CONTEXT;
  if (!raw) throw new Error('AI_POLICY_TEST_CONTEXT is not set: run host suites through the test harness');
  return JSON.parse(raw) as HostContext;
}
