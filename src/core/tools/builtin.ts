// VS Code's own AI features (built-in chat and agent mode), placed under the policy like any other tool.
import type { Policy } from '../policy/types';
import { policyStatus, type ConditionContext, type StatusResult } from './policyStatus';

export const BUILTIN_CHAT_ID = 'vscode.chat';
export const BUILTIN_AGENT_ID = 'vscode.chat.agent';

export interface BuiltinSettings {
  /** `chat.disableAIFeatures` */
  disableAIFeatures?: boolean;
  /** `chat.agent.enabled` (on by default in current VS Code) */
  agentEnabled?: boolean;
}

export interface BuiltinTool extends StatusResult {
  id: string;
  name: string;
  kind: 'chat' | 'agent';
  enabled: boolean;
}

export function builtinTools(settings: BuiltinSettings, policy: Policy | undefined, ctx: ConditionContext): BuiltinTool[] {
  const chatOn = settings.disableAIFeatures !== true;
  const chat = policyStatus([BUILTIN_CHAT_ID], policy, ctx);
  const chatReasons = [chatOn ? 'built-in chat is on (chat.disableAIFeatures is not set)' : 'built-in AI features are off (chat.disableAIFeatures)', ...chat.reasons];
  const out: BuiltinTool[] = [{ ...chat, id: BUILTIN_CHAT_ID, name: 'VS Code Chat', kind: 'chat', enabled: chatOn, reasons: chatReasons }];
  const agentOn = chatOn && settings.agentEnabled !== false;
  const mode = policy?.mcp?.agents?.autonomousMode;
  let agent: StatusResult = { ...chat };
  if (chat.status === 'approved' || chat.status === 'restricted') {
    if (mode === 'prohibited') agent = { ...chat, status: 'prohibited', reasons: ['the policy prohibits autonomous (agent) mode'] };
    else if (mode === 'restricted') agent = { ...chat, status: 'restricted', reasons: ['the policy restricts autonomous (agent) mode', ...(policy?.mcp?.agents?.notes ? [policy.mcp.agents.notes] : [])] };
  }
  const agentWhy = agentOn ? 'agent mode is on (chat.agent.enabled)' : 'agent mode is off';
  out.push({ ...agent, id: BUILTIN_AGENT_ID, name: 'VS Code Chat agent mode', kind: 'agent', enabled: agentOn, reasons: [agentWhy, ...agent.reasons] });
  return out;
}
