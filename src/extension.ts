// Entry point: builds the services and wires the features. No work happens here.
import vscode = require('vscode');
import { createLog } from './editor/log';
import { Config } from './editor/config';
import type { Services } from './editor/services';
import { AuditRecorder } from './editor/audit/auditRecorder';
import { registerAudit } from './editor/audit';
import { PolicyStore } from './editor/policy/policyStore';
import { registerPolicy } from './editor/policy';
import { ToolInventory } from './editor/tools/toolInventory';
import { registerTools } from './editor/tools';
import { ExposureWatcher } from './editor/exposure/exposureWatcher';
import { registerExposure } from './editor/exposure';
import { AgentHooks } from './editor/agents/agentHooks';
import { registerAgents } from './editor/agents';
import { PendingRequests } from './editor/exceptions/pendingRequests';
import { DriftWatcher } from './editor/enforcement/driftWatcher';
import { hooksAllowed, testHooks, type TestHooks } from './testHooks';

export type { ExposureState, TestHooks, ToolsState } from './testHooks';

/** The running instance's shutdown, for deactivate() (VS Code gives it no other way to reach the instance). */
let shutdown: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): TestHooks | undefined {
  const log = createLog();
  const config = new Config();
  context.subscriptions.push(log, config);
  log.info(`AI Tool Policy ${context.extension.packageJSON.version} in ${vscode.env.appName} ${vscode.version}`);

  // Not in context.subscriptions: deactivate() shuts the recorder down in order (see AuditRecorder.shutdown).
  const audit = new AuditRecorder(context, log, config);
  shutdown = () => audit.shutdown();
  const policy = new PolicyStore(context, log, config, audit);
  audit.attachPolicy(policy);
  const inventory = new ToolInventory(context, log, policy, audit, () => config.managed.teams);
  const agents = new AgentHooks(context, log, config, policy, audit);
  const exposure = new ExposureWatcher(context, log, config, policy, inventory, audit, agents);
  const enforcement = new DriftWatcher(context, log, policy, audit, () => config.managed.teams);
  const requests = new PendingRequests(context, policy, audit, log);
  context.subscriptions.push(policy, inventory, agents, exposure, enforcement, requests);

  const services: Services = { context, log, config, audit, policy, inventory, exposure, agents, enforcement, requests };
  registerAudit(services);
  registerPolicy(services);
  const tools = registerTools(services);
  registerExposure(services);
  registerAgents(services);

  // Loading happens after wiring so that every listener sees the first policy.
  void policy.start();
  agents.start();
  enforcement.refresh();
  if (!hooksAllowed(context.extensionMode)) return undefined;
  return testHooks(services, tools, { onDidRecordAudit: audit.onDidRecord, onDidEvaluateExposure: exposure.onDidEvaluate }, agents, policy, inventory);
}

/** Delivers what is queued (bounded), then writes and closes the audit journal and releases its lock. */
export async function deactivate(): Promise<void> {
  const done = shutdown;
  shutdown = undefined;
  await done?.();
}
