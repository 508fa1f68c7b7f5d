// "Request an Exception" inside a real VS Code: the dialog's questions (answered by the test through the
// prompts seam; their validation is the real one), the preview of what will be sent, the tool.requested
// event through the real audit recorder, the pending request in the tools view, and its clearing when the
// policy in force carries an exception with its request id.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import type { Prompts } from '../../../src/editor/tools/requestDialog';
import { exceptionsPolicy } from '../exceptionsFakes';
import { waitFor } from '../wait';

const EXTENSION_ID = 'ai-tool-policy.ai-tool-policy';

describe('exception requests', function () {
  this.timeout(90_000);
  let api: TestHooks;
  const events: { type: string; data: Record<string, unknown> }[] = [];
  const listeners: vscode.Disposable[] = [];

  before(async () => {
    api = await vscode.extensions.getExtension<TestHooks>(EXTENSION_ID)!.activate();
    listeners.push(api.onDidRecordAudit((e) => events.push({ type: e.type, data: { ...e.data } })));
    await waitFor('the policy with exceptions.maxDays 21', () => api.services.policy.current?.policy.exceptions?.maxDays === 21, 60_000);
  });
  after(() => listeners.forEach((l) => l.dispose()));

  it('asks reason, scope and days within the policy maximum, shows what is sent, records tool.requested and lists it as pending', async () => {
    const seen: { prompts: string[]; refused: string[]; detail?: string } = { prompts: [], refused: [] };
    const prompts: Prompts = {
      pickTool: async () => undefined,
      pickScope: async (options) => {
        assert.deepEqual(options.map((o) => o.scope).slice(0, 2), ['person', 'team']);
        return 'person';
      },
      input: async (opts) => {
        seen.prompts.push(opts.prompt ?? '');
        const check = (v: string) => opts.validateInput?.(v) as string | undefined;
        if (/How many days|how many days/i.test(opts.prompt ?? '')) {
          assert.equal(opts.value, '21', 'a month offered, capped at the policy maximum');
          for (const bad of ['22', '0', 'two']) {
            const m = check(bad);
            if (m) seen.refused.push(m);
          }
          return '14';
        }
        const m = check('see /home/jane/notes.txt');
        if (m) seen.refused.push(m);
        return 'Refactoring the billing module';
      },
      confirm: async (_message, detail) => {
        seen.detail = detail;
        return true;
      },
    };
    const request = await api.requestException('saoudrizwan.claude-dev', prompts);
    assert.ok(request, 'the request was made');
    assert.equal(request.days, 14);
    assert.equal(seen.refused.length, 4, seen.refused.join(' | '));
    assert.match(seen.refused.join(' | '), /at most 21 days/);
    assert.match(seen.detail ?? '', /Refactoring the billing module/);
    assert.match(seen.detail ?? '', new RegExp(request.requestId));
    assert.match(seen.detail ?? '', /self-declared/);
    const e = events.find((x) => x.type === 'tool.requested');
    assert.deepEqual(e?.data, { requestId: request.requestId, toolId: 'saoudrizwan.claude-dev', scope: 'person', days: 14, identity: 'self-declared', reason: 'Refactoring the billing module' });
    assert.deepEqual(api.pendingRequests().map((p) => p.requestId), [request.requestId]);
    assert.match(api.pendingRequests()[0].description, /14 days/);
  });

  it('offers the team the managed configuration names for a team request', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-teams-'));
    const managed = path.join(dir, 'managed.json');
    fs.writeFileSync(managed, JSON.stringify({ teams: 'payments, platform' }));
    fs.chmodSync(managed, 0o644);
    api.setManagedConfigPath(managed);
    try {
      await waitFor('the managed teams read', () => api.services.config.managed.teams.length === 2);
      let teamPrompt: vscode.InputBoxOptions | undefined;
      const prompts: Prompts = {
        pickTool: async () => undefined,
        pickScope: async () => 'team',
        input: async (opts) => {
          if (/team/i.test(opts.prompt ?? '')) {
            teamPrompt = opts;
            return opts.value;
          }
          return /days/i.test(opts.prompt ?? '') ? '7' : 'Test generation for the team';
        },
        confirm: async () => false,
      };
      assert.equal(await api.requestException('saoudrizwan.claude-dev', prompts), undefined, 'not sent: the preview was declined');
      assert.equal(teamPrompt?.value, 'payments');
      assert.match(teamPrompt?.prompt ?? '', /yours: payments, platform/);
    } finally {
      api.setManagedConfigPath(path.join(dir, 'absent.json'));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('stops without recording anything when the developer cancels', async () => {
    const before = events.length;
    const cancel: Prompts = { pickTool: async () => undefined, pickScope: async () => 'person', input: async () => undefined, confirm: async () => true };
    assert.equal(await api.requestException('saoudrizwan.claude-dev', cancel), undefined);
    assert.equal(events.length, before);
    assert.equal(api.pendingRequests().length, 1);
  });

  it('clears the pending request once the policy in force carries an exception with its request id', async () => {
    const [pending] = api.pendingRequests();
    const today = new Date().toISOString().slice(0, 10);
    const text = fs.readFileSync(exceptionsPolicy, 'utf8').replace(
      '  maxDays: 21\n',
      `  maxDays: 21\n  granted:\n    - id: exc-host\n      requestId: ${pending.requestId}\n      who: { developer: nobody@example.com }\n      what: { tool: saoudrizwan.claude-dev }\n      scope: person\n      from: ${today}\n      until: ${today}\n      reason: Refactoring the billing module\n      approvedBy: Dana\n`,
    ).replace(/^version: (\d+)$/m, (_m, v: string) => `version: ${Number(v) + 1}`);
    fs.writeFileSync(exceptionsPolicy, text);
    await api.services.policy.refresh();
    await waitFor('the pending request cleared', () => api.pendingRequests().length === 0);
  });
});
