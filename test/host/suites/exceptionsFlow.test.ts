// An exception end to end, inside a real VS Code: the MCP server "jira" is denied under the signed policy v1
// (editor and the real hook bundle); the developer asks for it with the editor's request command (answered
// through the prompts seam); the real reference server receives tool.requested; an admin approves it in the
// review queue (session cookie, the page's CSRF token, POST /requests/decide); `ai-policy exceptions pull` and
// `ai-policy sign` make the signed v2; the editor and the hook then allow exactly this developer, and deny again
// once the exception has ended (clocks moved by the test seams only: setClock and the hook's preloaded shift).
import * as assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import type { Prompts } from '../../../src/editor/tools/requestDialog';
import { repoRoot } from '../../harness/workspaceSetup';
import { CLI, NODE as node, startCliServer } from '../cliServer';
import { hostContext } from '../context';
import { exceptionsFlow as flow } from '../exceptionsFlowFakes';
import { waitFor } from '../wait';

const EXTENSION_ID = 'ai-tool-policy.ai-tool-policy';
const REPO = repoRoot();
const HOOK = path.join(REPO, 'dist', 'hook.js');
const SHIFT_CLOCK = path.join(REPO, 'out', 'test', 'unit', 'hooks', 'shiftClock.js');
const ADMIN = 'host-flow-admin-token-0123456789abcdef';
const OTHER = 'someone.else@example.com';
const DAY = 86_400_000;
const run = promisify(execFile);

const today = new Date().toISOString().slice(0, 10);
const dayAfter = (date: string, n: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
/** The approval's last day; the first second after it is when the test moves the clocks to. */
const until = dayAfter(today, 6);
const afterUntil = `${dayAfter(until, 1)}T00:00:01Z`;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? 'GET', headers: opts.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** One call of the real hook bundle as `email` (their global git config), at `now` when given. */
function hook(email: string, now?: string): Promise<{ verdict: string; stdout: string }> {
  const home = path.join(flow.dir, 'homes', email.replace(/\W/g, '_'));
  fs.mkdirSync(home, { recursive: true });
  const gitconfig = path.join(home, '.gitconfig');
  fs.writeFileSync(gitconfig, `[user]\n\temail = ${email}\n`);
  const cwd = hostContext().workspaceDir ?? flow.dir;
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_STATE_HOME: path.join(home, 'state'), GIT_CONFIG_GLOBAL: gitconfig, GIT_CONFIG_NOSYSTEM: '1' };
  delete env.AI_POLICY_TEST_NOW;
  if (now) env.AI_POLICY_TEST_NOW = now;
  const payload = { cwd, hook_event_name: 'PreToolUse', tool_name: 'mcp__jira__search_issues', tool_input: { jql: 'project = BILL' } };
  return new Promise((resolve, reject) => {
    const child = spawn(node, ['--require', SHIFT_CLOCK, HOOK, '--harness', 'claude', '--policy', flow.policy], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`hook exited with ${code}: ${stderr}`));
      if (!stdout) return resolve({ verdict: 'allow', stdout });
      const out = JSON.parse(stdout) as { hookSpecificOutput: { permissionDecision: string } };
      resolve({ verdict: out.hookSpecificOutput.permissionDecision, stdout });
    });
    child.stdin.end(JSON.stringify(payload));
  });
}

describe('an exception end to end: request, review queue, pull, sign, editor and hook, expiry', function () {
  this.timeout(120_000);
  let api: TestHooks;
  let server: ChildProcess;
  let base = '';
  let session = '';
  let requestId = '';
  /** jira's status under v1 (not approved), which it must return to after the exception. */
  let deniedStatus = '';

  const jira = () => api.toolsState().items.find((t) => t.id === 'mcp:jira');
  /** What the tools view and the status bar tooltip say, as one text. */
  const shown = () => JSON.stringify({ view: api.toolsState().view, tooltip: api.toolsState().tooltip });

  before(async () => {
    const ingest = process.env.AI_POLICY_AUDIT_TOKEN ?? '';
    assert.ok(ingest, 'the run sets AI_POLICY_AUDIT_TOKEN');
    ({ server, base } = await startCliServer(['--db', path.join(flow.dir, 'audit.db'), '--policy', flow.policy], { ingest, admin: ADMIN }));
    api = await vscode.extensions.getExtension<TestHooks>(EXTENSION_ID)!.activate();
    await vscode.workspace.getConfiguration('aiPolicy').update('audit.endpoint', `${base}/v1/events`, vscode.ConfigurationTarget.Global);
    const login = await request(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: ADMIN }).toString() });
    const m = /aip_session=([^;]+)/.exec(String(login.headers['set-cookie']));
    assert.ok(m, `a session cookie from signing in with the admin token (${login.status})`);
    session = m[1];
  });

  after(async () => {
    await api?.setClock(undefined);
    await vscode.workspace.getConfiguration('aiPolicy').update('audit.endpoint', undefined, vscode.ConfigurationTarget.Global);
    server?.kill('SIGTERM');
  });

  it('denies the MCP server under the signed v1, in the editor and in the hook', async () => {
    await waitFor('the signed policy v1', () => api.services.policy.current?.policy.version === 1 && api.services.policy.current.signature === 'valid', 60_000);
    await waitFor('the developer id from git', () => api.services.audit.snapshot(0).developer === flow.developer);
    const item = await waitFor('jira in the inventory', jira, 60_000);
    assert.notEqual(item.status, 'approved', JSON.stringify(item));
    deniedStatus = item.status;
    assert.doesNotMatch(shown(), /approved for you/);
    assert.equal((await hook(flow.developer)).verdict, 'deny');
  });

  it('sends the request to the server, which lists it in the review queue', async () => {
    const prompts: Prompts = {
      pickTool: async () => undefined,
      pickScope: async () => 'person',
      input: async (opts) => (/how many days/i.test(opts.prompt ?? '') ? '7' : 'Ticket triage from the agent'),
      confirm: async (_message, detail) => {
        assert.match(detail, /sent to the audit server/);
        return true;
      },
    };
    const made = await api.requestException('mcp:jira', prompts);
    assert.ok(made, 'the request was made');
    assert.deepEqual(made.what, { mcpServer: 'jira' });
    requestId = made.requestId;
    assert.deepEqual(api.pendingRequests().map((p) => p.requestId), [requestId]);
    const report = await waitFor('tool.requested at the server', async () => {
      const r = await request(`${base}/v1/report?format=json`, { headers: { authorization: `Bearer ${ADMIN}` } });
      const byType = (JSON.parse(r.body) as { totals: { byType: Record<string, number> } }).totals.byType;
      return byType['tool.requested'] === 1 ? byType : undefined;
    }, 60_000);
    assert.equal(report['tool.requested'], 1);
    const page = await request(`${base}/requests`, { headers: { cookie: `aip_session=${session}` } });
    assert.equal(page.status, 200);
    assert.ok(page.body.includes(requestId), 'the request is on the requests page');
    assert.match(page.body, /Ticket triage from the agent/);
  });

  it('approves it for this developer in the review queue, with the page\'s CSRF token', async () => {
    const page = await request(`${base}/requests`, { headers: { cookie: `aip_session=${session}` } });
    const csrf = /name="csrf" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(csrf, 'the page carries the form token');
    const form = { csrf, requestId, decision: 'approved', scope: 'person', until, approvedBy: 'Dana Whitfield', note: 'Until the triage is done' };
    const decided = await request(`${base}/requests/decide`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `aip_session=${session}` }, body: new URLSearchParams(form).toString() });
    assert.equal(decided.status, 303, decided.body);
    const api2 = await request(`${base}/v1/exceptions?status=approved`, { headers: { authorization: `Bearer ${ADMIN}` } });
    const [d] = (JSON.parse(api2.body) as { decisions: { requestId: string; who: { developer?: string }; what: { mcpServer?: string }; until: string }[] }).decisions;
    assert.deepEqual({ requestId: d.requestId, who: d.who, what: d.what, until: d.until }, { requestId, who: { developer: flow.developer }, what: { mcpServer: 'jira' }, until });
  });

  it('pulls the decision into v2, signs it, and the editor loads the signed v2', async () => {
    // The author works on a draft and publishes the policy and its signature together.
    const draft = path.join(flow.dir, 'draft.aipolicy.yaml');
    fs.copyFileSync(flow.policy, draft);
    const pulled = await run(node, [CLI, 'exceptions', 'pull', '--server', base, '--token', ADMIN, '--policy', draft]);
    assert.match(pulled.stdout, new RegExp(`added \\S+ \\(request ${requestId}\\) until ${until}`));
    assert.match(pulled.stdout, /version 2/);
    await run(node, [CLI, 'sign', '--key', flow.privateKey, draft]);
    await run(node, [CLI, 'verify', '--pubkey', flow.publicKey, draft]);
    fs.copyFileSync(`${draft}.sig`, `${flow.policy}.sig`);
    fs.copyFileSync(draft, flow.policy);
    await waitFor('the signed policy v2 in the editor', async () => {
      await api.services.policy.refresh();
      const c = api.services.policy.current;
      return c?.policy.version === 2 && c.signature === 'valid' && c.policy.exceptions?.granted?.length === 1;
    }, 60_000);
    await waitFor('the pending request cleared', () => api.pendingRequests().length === 0);
  });

  it('says "approved for you until" the last day in the editor, and the hook lets this developer only', async () => {
    await waitFor('jira approved for this developer', () => jira()?.status === 'approved', 30_000);
    await waitFor('the approval text in the tools view and tooltip', () => shown().includes(`approved for you until ${until}`));
    assert.equal((await hook(flow.developer)).verdict, 'allow');
    const other = await hook(OTHER);
    assert.equal(other.verdict, 'deny');
    assert.match(other.stdout, /MCP server \\"jira\\" is not approved/);
  });

  it('denies again once the exception has ended: the editor and the hook', async () => {
    assert.equal((await hook(flow.developer, `${until}T23:59:00Z`)).verdict, 'allow', 'the last minute of the last day');
    await api.setClock(new Date(afterUntil));
    await waitFor('jira back to its v1 status after the last day', () => jira()?.status === deniedStatus && !shown().includes('approved for you'), 30_000);
    const ended = await hook(flow.developer, afterUntil);
    assert.equal(ended.verdict, 'deny');
    assert.match(ended.stdout, /MCP server \\"jira\\" is not approved/);
    await api.setClock(undefined);
    await waitFor('approved again on the real clock', () => jira()?.status === 'approved', 30_000);
  });
});
