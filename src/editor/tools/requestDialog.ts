// "Request an exception": asks what (when not given), for whom (person, team or repository), why and for
// how long (default and maximum from the policy), shows what will be sent, then records `tool.requested`
// through the audit queue and keeps the request as pending.
import vscode = require('vscode');
import { daysProblem, describeThing, newRequestId, reasonProblem, requestDays, requestEventData, type ExceptionRequest, type RequestedThing } from '../../core/policy/exceptionRequest';
import type { ExceptionScope } from '../../core/policy/types';
import type { InventoryItem, Services } from '../services';
import { gitApi, remoteUrls } from './git';
import { repositoryName, thingOf } from './requestSubject';

/** The dialog's questions, replaceable in tests of the flow (the real ones are VS Code's input boxes). */
export interface Prompts {
  pickTool(items: readonly InventoryItem[]): Thenable<InventoryItem | undefined>;
  pickScope(options: { scope: ExceptionScope; label: string }[]): Thenable<ExceptionScope | undefined>;
  input(opts: vscode.InputBoxOptions): Thenable<string | undefined>;
  confirm(message: string, detail: string): Thenable<boolean>;
}

export const vscodePrompts: Prompts = {
  pickTool: (items) =>
    vscode.window
      .showQuickPick(
        items.map((t) => ({ label: t.name, description: `${t.id} · ${t.status}`, tool: t })),
        { title: vscode.l10n.t('Request an exception'), placeHolder: vscode.l10n.t('Which tool or MCP server?') },
      )
      .then((p) => p?.tool),
  pickScope: (options) =>
    vscode.window
      .showQuickPick(options.map((o) => ({ label: o.label, scope: o.scope })), { title: vscode.l10n.t('Request an exception'), placeHolder: vscode.l10n.t('For whom?') })
      .then((p) => p?.scope),
  input: (opts) => vscode.window.showInputBox({ title: vscode.l10n.t('Request an exception'), ignoreFocusOut: true, ...opts }),
  confirm: (message, detail) =>
    vscode.window.showInformationMessage(message, { modal: true, detail }, vscode.l10n.t('Send request')).then((c) => c !== undefined),
};

/** Runs the dialog; the request recorded, or undefined when the developer stopped at any step. */
export async function requestException(s: Services, arg: unknown, prompts: Prompts = vscodePrompts, now = new Date()): Promise<ExceptionRequest | undefined> {
  let what: RequestedThing | undefined = thingOf(arg, s.inventory.items);
  if (!what) {
    const candidates = s.inventory.items.filter((t) => t.status !== 'approved');
    const picked = await prompts.pickTool(candidates.length ? candidates : s.inventory.items);
    if (!picked) return undefined;
    what = thingOf({ tool: picked }, s.inventory.items);
  }
  if (!what) return undefined;

  const repository = repositoryName(remoteUrls(await gitApi(false)));
  const developer = s.audit.snapshot(0).developer ?? vscode.l10n.t('you');
  const scope = await prompts.pickScope([
    { scope: 'person', label: vscode.l10n.t('For me ({0})', developer) },
    { scope: 'team', label: vscode.l10n.t('For my team') },
    ...(repository ? [{ scope: 'repository' as const, label: vscode.l10n.t('For everyone in {0}', repository) }] : []),
  ]);
  if (!scope) return undefined;
  let team: string | undefined;
  if (scope === 'team') {
    // The managed configuration names the developer's teams (as the roster does): the first is offered.
    const known = s.config.managed.teams;
    team = (
      await prompts.input({
        prompt: known.length > 1 ? vscode.l10n.t('Your team, as the roster names it (yours: {0})', known.join(', ')) : vscode.l10n.t('Your team, as the roster names it'),
        value: known[0] ?? '',
        validateInput: (v) => (v.trim() && v.length <= 200 ? undefined : vscode.l10n.t('Name the team.')),
      })
    )?.trim();
    if (!team) return undefined;
  }

  const reason = await prompts.input({ prompt: vscode.l10n.t('Why do you need {0}?', describeThing(what)), validateInput: (v) => reasonProblem(v) });
  if (reason === undefined) return undefined;
  const { initial, max } = requestDays(s.policy.current?.policy);
  const daysText = await prompts.input({ prompt: vscode.l10n.t('For how many days? (at most {0})', max), value: String(initial), validateInput: (v) => daysProblem(v, max) });
  if (daysText === undefined || daysProblem(daysText, max) || reasonProblem(reason)) return undefined;

  const request: ExceptionRequest = {
    requestId: newRequestId(now),
    what,
    scope,
    ...(team ? { team } : {}),
    ...(scope === 'repository' && repository ? { repository } : {}),
    reason: reason.trim(),
    days: Number(daysText),
    requestedAt: now.toISOString(),
  };
  const enrolled = !!s.audit.snapshot(0).enrolled;
  const data = requestEventData(request, enrolled);
  const whom = scope === 'person' ? developer : scope === 'team' ? vscode.l10n.t('team {0}', team ?? '') : (repository ?? '');
  const detail = [
    s.audit.snapshot(0).targets.endpoint
      ? vscode.l10n.t('This is what will be sent to the audit server:')
      : vscode.l10n.t('No audit server is configured: the request is recorded in this editor\'s audit log only, and nobody will see it until one is.'),
    `• ${vscode.l10n.t('What')}: ${describeThing(what)}`,
    `• ${vscode.l10n.t('For')}: ${scope} (${whom})`,
    `• ${vscode.l10n.t('Reason')}: ${request.reason}`,
    `• ${vscode.l10n.t('Days')}: ${request.days}`,
    `• ${vscode.l10n.t('Request id')}: ${request.requestId}`,
    `• ${vscode.l10n.t('Identity')}: ${developer} (${enrolled ? vscode.l10n.t('enrolled') : vscode.l10n.t('self-declared')})`,
  ].join('\n');
  if (!(await prompts.confirm(vscode.l10n.t('Request an exception for {0}?', describeThing(what)), detail))) return undefined;

  s.audit.record('tool.requested', data);
  await s.requests.add(request);
  s.log.info(`Exception requested: ${request.requestId} (${describeThing(what)}, ${scope}, ${request.days} days)`);
  void s.audit.flush().catch((e: unknown) => s.log.error('Exception request: sending the audit queue failed', e));
  void vscode.window.showInformationMessage(vscode.l10n.t('Request {0} sent. It shows as pending in the AI tools view until the policy carries the exception.', request.requestId));
  return request;
}
