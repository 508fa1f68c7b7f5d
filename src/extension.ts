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

export interface ExtensionApi {
  readonly services: Services;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const log = createLog();
  const config = new Config();
  context.subscriptions.push(log, config);
  log.info(`AI Tool Policy ${context.extension.packageJSON.version} in ${vscode.env.appName} ${vscode.version}`);

  const audit = new AuditRecorder(context, log, config);
  const policy = new PolicyStore(context, log, config, audit);
  audit.attachPolicy(policy);
  const inventory = new ToolInventory(context, log, policy, audit);
  const exposure = new ExposureWatcher(context, log, config, policy, inventory, audit);
  context.subscriptions.push(audit, policy, inventory, exposure);

  const services: Services = { context, log, config, audit, policy, inventory, exposure };
  registerAudit(services);
  registerPolicy(services);
  registerTools(services);
  registerExposure(services);

  // Loading happens after wiring so that every listener sees the first policy.
  void policy.start();
  return { services };
}

export function deactivate(): Promise<void> | undefined {
  return AuditRecorder.flushOnShutdown();
}
