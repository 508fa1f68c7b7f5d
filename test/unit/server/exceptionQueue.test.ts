// The review queue on a real server (127.0.0.1, a real store): editors' `tool.requested` events, the admin's
// requests page, a decision posted through its form (session + CSRF), the decision chained in the log (and
// covered by verify-log), GET /v1/exceptions, and the real `ai-policy exceptions pull` against it.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import type { Policy } from '../../../src/core/policy/types';
import { csrfToken } from '../../../src/server/exceptions/routes';
import { decisionRecord, readRequests, REQUESTED } from '../../../src/server/exceptions/records';
import { CLI } from '../audit/serverProcess';
import { ADMIN, adminAuth, ev, fresh, post, request, startServer, TOKEN, type Running } from './helpers';

const STARTER = path.resolve(__dirname, '../../../../policy-samples/starter.aipolicy.yaml');
const form = (o: Record<string, string>): string => new URLSearchParams(o).toString();
const today = new Date().toISOString().slice(0, 10);
const inDays = (n: number): string => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function requestEvent(developer: string, requestId: string, data: Record<string, unknown>): Record<string, unknown> {
  return ev('tool.requested', developer, { requestId, scope: 'person', days: 14, identity: 'self-declared', ...data }, fresh());
}

async function signIn(base: string): Promise<string> {
  const r = await request(`${base}/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form({ token: ADMIN }) });
  const m = /aip_session=([^;]+)/.exec(String(r.headers['set-cookie']));
  assert.ok(m, 'a session cookie');
  return m[1];
}

describe('server: exception requests and the review queue', function () {
  this.timeout(60_000);
  let s: Running;
  let policyFile: string;
  let session: string;

  before(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-queue-'));
    policyFile = path.join(dir, 'policy.yaml');
    fs.writeFileSync(policyFile, fs.readFileSync(STARTER, 'utf8').replace(/^version: 1$/m, 'version: 1\nexceptions:\n  maxDays: 60'));
    const roster = path.join(dir, 'roster.csv');
    fs.writeFileSync(roster, 'developer,team\njane@example.com,payments\njoe@example.com,platform\n');
    s = await startServer({ policyFile, rosterFile: roster });
    session = await signIn(s.base);
  });
  after(async () => {
    await s.close();
    fs.rmSync(path.dirname(policyFile), { recursive: true, force: true });
  });

  const decide = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    request(`${s.base}/requests/decide`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `aip_session=${session}`, ...headers },
      body: form({ csrf: csrfToken(session), ...fields }),
    });

  it('takes tool.requested events from editors and lists them per tool with teams, status and owner', async () => {
    const r = await post(s.base, {
      events: [
        requestEvent('jane@example.com', 'req-20261206-00000000000000a1', { toolId: 'saoudrizwan.claude-dev', toolName: 'Cline', reason: 'Refactoring the billing module' }),
        requestEvent('joe@example.com', 'req-20261206-00000000000000a2', { toolId: 'saoudrizwan.claude-dev', toolName: 'Cline', reason: 'Test generation', scope: 'team', team: 'platform' }),
        requestEvent('jane@example.com', 'req-20261206-00000000000000a3', { toolId: 'github-copilot', dataClass: 'pii', reason: 'Synthetic customer fixtures' }),
      ],
    });
    assert.equal(r.status, 200, r.body);
    const page = await request(`${s.base}/requests`, { headers: { cookie: `aip_session=${session}` } });
    assert.equal(page.status, 200);
    assert.match(String(page.headers['content-security-policy']), /default-src 'none'/);
    assert.doesNotMatch(page.body, /<script/i);
    const cline = page.body.slice(page.body.indexOf('<h2>Cline'), page.body.indexOf('<h2>GitHub Copilot'));
    assert.match(cline, /2 requests from 2 developers \(teams: payments, platform\) · 2 open/);
    assert.match(cline, /status-unlisted/);
    assert.match(cline, /Refactoring the billing module/);
    assert.match(page.body, /<h2>GitHub Copilot · data class <b>pii<\/b><\/h2>\n<p class="meta">Policy: <span class="status-approved">approved<\/span> · owner Dana Whitfield/);
    assert.ok(page.body.includes(`name="csrf" value="${csrfToken(session)}"`));
  });

  it('refuses a decision without the session, with a wrong CSRF token, or from another site', async () => {
    const fields = { requestId: 'req-20261206-00000000000000a1', decision: 'approved', scope: 'person', until: inDays(13), approvedBy: 'Dana' };
    const noSession = await request(`${s.base}/requests/decide`, { method: 'POST', headers: { ...adminAuth, 'content-type': 'application/x-www-form-urlencoded' }, body: form({ ...fields, csrf: 'x' }) });
    assert.equal(noSession.status, 401);
    assert.equal((await decide({ ...fields, csrf: csrfToken('another-session') })).status, 403);
    assert.equal((await decide(fields, { origin: 'https://evil.example' })).status, 403);
    assert.equal((await decide(fields, { 'sec-fetch-site': 'cross-site' })).status, 403);
    assert.equal((await decide({ ...fields, until: inDays(60) })).status, 400, 'longer than maxDays (60 days from today is day 61)');
    assert.equal((await decide({ ...fields, decision: 'declined' })).status, 400, 'a decline needs a note');
    const api = await request(`${s.base}/v1/exceptions?status=all`, { headers: adminAuth });
    assert.deepEqual(JSON.parse(api.body), { decisions: [] });
  });

  it('records approvals and declines as chained server records that verify-log covers', async () => {
    const ok = await decide({ requestId: 'req-20261206-00000000000000a1', decision: 'approved', scope: 'person', until: inDays(13), approvedBy: 'Dana Whitfield', note: 'Only on the billing repository' });
    assert.equal(ok.status, 303, ok.body);
    assert.match(String(ok.headers.location), /^\/requests\?done=approved/);
    const team = await decide({ requestId: 'req-20261206-00000000000000a2', decision: 'approved', scope: 'team', team: 'platform', until: inDays(29), approvedBy: 'Dana Whitfield' });
    assert.equal(team.status, 303, team.body);
    const no = await decide({ requestId: 'req-20261206-00000000000000a3', decision: 'declined', scope: 'person', until: today, approvedBy: 'Dana Whitfield', note: 'Use the masked fixtures' });
    assert.equal(no.status, 303, no.body);
    assert.equal((await decide({ requestId: 'req-20261206-00000000000000a3', decision: 'approved', scope: 'person', until: today, approvedBy: 'Dana' })).status, 409);
    assert.equal((await decide({ requestId: 'req-20261206-0000000000000404', decision: 'approved', scope: 'person', until: today, approvedBy: 'Dana' })).status, 404);

    const page = await request(`${s.base}/requests?done=approved&id=req-20261206-00000000000000a1`, { headers: adminAuth });
    assert.match(page.body, /approved<\/span> for person jane@example.com, \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}, by Dana Whitfield; conditions: Only on the billing repository/);
    assert.match(page.body, /declined<\/span> by Dana Whitfield: Use the masked fixtures/);
    assert.doesNotMatch(page.body, /name="csrf"/, 'a bearer-token read gets no decision form token');

    const approved = JSON.parse((await request(`${s.base}/v1/exceptions?status=approved`, { headers: adminAuth })).body) as { decisions: Record<string, unknown>[] };
    assert.deepEqual(
      approved.decisions.map((d) => [d.requestId, d.scope, d.who, d.what, d.until, d.approvedBy, d.reason]),
      [
        ['req-20261206-00000000000000a1', 'person', { developer: 'jane@example.com' }, { tool: 'saoudrizwan.claude-dev' }, inDays(13), 'Dana Whitfield', 'Refactoring the billing module'],
        ['req-20261206-00000000000000a2', 'team', { team: 'platform' }, { tool: 'saoudrizwan.claude-dev' }, inDays(29), 'Dana Whitfield', 'Test generation'],
      ],
    );
    const declined = JSON.parse((await request(`${s.base}/v1/exceptions?status=declined`, { headers: adminAuth })).body) as { decisions: Record<string, unknown>[] };
    assert.deepEqual(declined.decisions.map((d) => [d.requestId, d.note]), [['req-20261206-00000000000000a3', 'Use the masked fixtures']]);
    assert.equal((await request(`${s.base}/v1/exceptions?status=approved`, { headers: { authorization: `Bearer ${TOKEN}` } })).status, 403);

    const v = await s.app.store.verifyLog();
    assert.equal(v.ok, true, JSON.stringify(v));
    assert.equal(v.head.count, 6, 'three requests and three decisions in the chain');
  });

  it('tells an editor where its own requests stand (pending, approved, declined with the note)', async () => {
    const ids = 'req-20261206-00000000000000a1,req-20261206-00000000000000a3,req-20261206-00000000000000ff';
    const r = await request(`${s.base}/v1/requests/status?ids=${ids}`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.equal(r.status, 200, r.body);
    assert.deepEqual(JSON.parse(r.body), {
      requests: [
        { requestId: 'req-20261206-00000000000000a1', status: 'approved', until: inDays(13) },
        { requestId: 'req-20261206-00000000000000a3', status: 'declined', note: 'Use the masked fixtures' },
      ],
    });
    assert.equal((await request(`${s.base}/v1/requests/status?ids=${ids}`)).status, 401);
    assert.equal((await request(`${s.base}/v1/requests/status?ids=x`, { headers: { authorization: `Bearer ${TOKEN}` } })).status, 400);
  });

  it('refuses exception.decided from editors (only the server writes decisions)', async () => {
    const forged = ev('exception.decided', 'jane@example.com', { requestId: 'req-x', status: 'approved' }, fresh());
    const r = await post(s.base, { events: [forged] });
    assert.equal(r.status, 400);
    assert.match(JSON.parse(r.body).error, /"exception.decided" records are written by the server only/);
  });

  it('the evidence pack lists each decision with its request, approver, scope and days, and whether it was used', async () => {
    // Jane's editor shows Cline, active today (the inventory's activeDays land in the usage rollups).
    const cline = { id: 'saoudrizwan.claude-dev', name: 'Cline', version: '3.0.0', status: 'unlisted', enabled: true, active: true, activeDays: [today] };
    assert.equal((await post(s.base, { events: [ev('inventory', 'jane@example.com', { reason: 'interval', tools: [cline] }, fresh())] })).status, 200);
    const csv = await request(`${s.base}/evidence/exceptions.csv`, { headers: adminAuth });
    assert.equal(csv.status, 200, csv.body);
    const lines = csv.body.trim().split(/\r?\n/);
    assert.match(lines[0], /^request_id,requested_by,requested_at,what,data_class,reason,decision,decided_by,decided_at,scope,whom,from,until,note,used,used_by,active_days,expired_still_in_use,last_seen,last_active$/);
    const byId = (id: string) => lines.find((l) => l.startsWith(id)) ?? '';
    assert.match(byId('req-20261206-00000000000000a1'), new RegExp(`,jane@example.com,.*,Cline,,Refactoring the billing module,approved,Dana Whitfield,.*,person,jane@example.com,.*,Only on the billing repository,yes,inventory; editor activity,1,,[^,]+,${today}$`));
    assert.match(byId('req-20261206-00000000000000a2'), /,team,team platform,.*,no,,0,,,$/);
    assert.match(byId('req-20261206-00000000000000a3'), /,declined,Dana Whitfield,.*,Use the masked fixtures,,,,,,$/);
    const page = await request(`${s.base}/evidence`, { headers: adminAuth });
    assert.match(page.body, /<section id="ev-exceptions"><h2>8. Exceptions<\/h2>/);
    assert.match(page.body, /None: no tool is still seen or active after its exception ended./);
  });

  it('ai-policy exceptions pull merges the approved decisions from this server into the policy', async () => {
    const file = path.join(s.dir, 'pulled.yaml');
    fs.copyFileSync(policyFile, file);
    // The admin token from the environment, out of the process list.
    const r = await promisify(execFile)(process.execPath, [CLI, 'exceptions', 'pull', '--server', s.base, '--policy', file], { encoding: 'utf8', env: { ...process.env, AI_POLICY_ADMIN_TOKEN: ADMIN } });
    assert.match(r.stdout, /added exc-req-20261206-00000000000000a1 \(request req-20261206-00000000000000a1\)/);
    const p = parse(fs.readFileSync(file, 'utf8')) as Policy;
    assert.equal(p.version, 2);
    assert.deepEqual(
      p.exceptions?.granted?.map((e) => [e.requestId, e.scope, e.who, e.until, e.conditions?.note]),
      [
        ['req-20261206-00000000000000a1', 'person', { developer: 'jane@example.com' }, inDays(13), 'Only on the billing repository'],
        ['req-20261206-00000000000000a2', 'team', { team: 'platform' }, inDays(29), undefined],
      ],
    );
    const list = await promisify(execFile)(process.execPath, [CLI, 'exceptions', 'list', '--policy', file], { encoding: 'utf8' });
    assert.match(list.stdout, /exc-req-20261206-00000000000000a1/);
  });

  it("counts an agent's hook activity by the covered developer as use, and nobody else's", async () => {
    const id = 'req-20261206-00000000000000a4';
    assert.equal((await post(s.base, { events: [requestEvent('joe@example.com', id, { toolId: 'anthropic.claude-code', toolName: 'Claude Code', reason: 'Migration scripts' })] })).status, 200);
    assert.equal((await decide({ requestId: id, decision: 'approved', scope: 'person', until: inDays(13), approvedBy: 'Dana Whitfield' })).status, 303);
    const activity = (developer: string) => ev('agent.activity', developer, { day: today, harness: 'claude', sessions: 2, toolCalls: 40, prompts: 6, denials: 1, auditDenials: 0 }, fresh());
    const row = async () => {
      const csv = await request(`${s.base}/evidence/exceptions.csv`, { headers: adminAuth });
      return csv.body.split(/\r?\n/).find((l) => l.startsWith(id)) ?? '';
    };
    assert.equal((await post(s.base, { events: [activity('jane@example.com')] })).status, 200);
    assert.match(await row(), /,no,,0,,,$/, "Jane's Claude Code is not Joe's exception in use");
    assert.equal((await post(s.base, { events: [activity('joe@example.com')] })).status, 200);
    assert.match(await row(), new RegExp(`,yes,agent hook,1,,,${today}$`));
    const page = await request(`${s.base}/evidence`, { headers: adminAuth });
    assert.match(page.body, /yes \(agent hook: 1 active day\)/);
  });

  it('the report and the dashboard list an approved exception that ended while its agent is still in use', async () => {
    const id = 'req-20261206-00000000000000a5';
    assert.equal((await post(s.base, { events: [requestEvent('joe@example.com', id, { toolId: 'openai.chatgpt', toolName: 'Codex', reason: 'A one-off port' })] })).status, 200);
    // A decision that ended five days ago (written as the server writes it: the form takes no past days).
    const [req] = readRequests(await s.app.store.chainedRecords([REQUESTED])).filter((r) => r.requestId === id);
    const now = Date.parse(`${inDays(-10)}T09:00:00Z`);
    await s.app.store.ingest({ events: [decisionRecord(req, { requestId: id, status: 'approved', scope: 'person', approvedBy: 'Dana Whitfield', from: inDays(-10), until: inDays(-5) }, undefined, now)], received: new Date().toISOString(), auth: 'server' });
    const codexToday = ev('agent.activity', 'joe@example.com', { day: today, harness: 'codex', sessions: 1, toolCalls: 3, prompts: 1, denials: 0, auditDenials: 0 }, fresh());
    const listed = async () => (JSON.parse((await request(`${s.base}/v1/report`, { headers: adminAuth })).body) as { expiredExceptionsInUse: { requestId: string; lastActive: string; used: boolean }[] }).expiredExceptionsInUse;
    assert.deepEqual((await listed()).map((e) => e.requestId), [], 'not in use after its end yet');
    assert.equal((await post(s.base, { events: [codexToday] })).status, 200);
    assert.deepEqual((await listed()).map((e) => [e.requestId, e.lastActive, e.used]), [[id, today, false]]);
    const page = await request(`${s.base}/`, { headers: { cookie: `aip_session=${session}` } });
    assert.equal(page.status, 200);
    const table = page.body.slice(page.body.indexOf('<h3>Expired exceptions still in use</h3>'), page.body.indexOf('</section>', page.body.indexOf('<h3>Expired exceptions still in use</h3>')));
    assert.match(table, new RegExp(`<td>${id}</td><td>joe@example.com</td><td>Codex</td><td>person joe@example.com</td><td>${inDays(-5)}</td>`));
  });
});

