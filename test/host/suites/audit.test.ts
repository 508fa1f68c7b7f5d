// End to end inside a real VS Code: the extension delivers its audit events to a real reference server
// (a child process on 127.0.0.1 with a SQLite file), and a canary secret in an open file never reaches it.
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TestHooks } from '../../../src/extension';
import { AuditRecorder } from '../../../src/editor/audit/auditRecorder';
import type { AuditService } from '../../../src/editor/services';
import { startCliServer } from '../cliServer';
import { hostContext } from '../context';
import { type Probe, waitFor as poll } from '../wait';

const EXTENSION_ID = 'ai-tool-policy.ai-tool-policy';
const CANARY = 'AKIAQCANARY7ZX9K4M1B';

/** Deliveries go through the queue's backoff, so this suite waits longer than the default. */
const waitFor = <T>(what: string, probe: Probe<T>) => poll(what, probe, 30_000);

function getJson(url: string, token: string): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(body)) : reject(new Error(`${url}: ${res.statusCode} ${body}`))));
      })
      .on('error', reject);
  });
}

describe('audit trail end to end', function () {
  this.timeout(120_000);
  const token = process.env.AI_POLICY_AUDIT_TOKEN ?? '';
  /** The server's admin token: the editor's ingest token may only send events, not read the report. */
  const admin = 'host-audit-admin-token-0123456789';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-host-audit-'));
  const db = path.join(dir, 'audit.db');
  let server: ChildProcess;
  let base = '';
  let audit: AuditService;
  /** A stand-in OpenTelemetry collector: records the OTLP/HTTP JSON bodies it receives. */
  const otlpBodies: string[] = [];
  const collector = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.url === '/v1/logs') otlpBodies.push(body);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const report = () => getJson(`${base}/v1/report?format=json`, admin);
  const countOf = async (type: string) => ((await report()).totals.byType[type] as number | undefined) ?? 0;

  before(async () => {
    assert.ok(token, 'the run sets AI_POLICY_AUDIT_TOKEN');
    ({ server, base } = await startCliServer(['--db', db], { ingest: token, admin }));
    const api = await vscode.extensions.getExtension<TestHooks>(EXTENSION_ID)!.activate();
    audit = api.services.audit;
    await new Promise<void>((r) => collector.listen(0, '127.0.0.1', r));
  });

  after(async () => {
    await vscode.workspace.getConfiguration('aiPolicy').update('audit.endpoint', undefined, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('aiPolicy').update('audit.otlpEndpoint', undefined, vscode.ConfigurationTarget.Global);
    server?.kill('SIGTERM');
    collector.close();
  });

  it('keeps events on this machine while no endpoint is configured', async () => {
    await waitFor('events in the local queue', () => (audit.snapshot().events.stats.queued > 0 ? true : undefined));
    const snap = audit.snapshot();
    assert.equal(snap.targets.endpoint, undefined);
    assert.equal(snap.events.stats.sent, 0);
    assert.equal((await report()).totals.events, 0);
    // Sending now with no endpoint delivers nothing and keeps the events.
    const queued = audit.snapshot().events.stats.queued;
    await vscode.commands.executeCommand('aiPolicy.sendAuditEvents');
    assert.ok(audit.snapshot().events.stats.queued >= queued, 'nothing dropped');
    assert.equal(audit.snapshot().events.stats.sent, 0);
    assert.equal((await report()).totals.events, 0);
    await vscode.commands.executeCommand('aiPolicy.showAuditLog');
    const doc = await waitFor('the audit log document', () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'ai-policy-audit'));
    assert.ok(doc.getText().includes('nothing is sent'), doc.getText().slice(0, 300));
    // Events recorded so far are queued on disk and go out once the endpoint is set.
    const port = (collector.address() as { port: number }).port;
    await vscode.workspace.getConfiguration('aiPolicy').update('audit.otlpEndpoint', `http://127.0.0.1:${port}/v1/logs`, vscode.ConfigurationTarget.Global);
    await vscode.workspace.getConfiguration('aiPolicy').update('audit.endpoint', `${base}/v1/events`, vscode.ConfigurationTarget.Global);
  });

  it('delivers the policy.loaded and inventory events recorded at start', async () => {
    await waitFor('policy.loaded at the server', async () => ((await countOf('policy.loaded')) >= 1 ? true : undefined));
    await waitFor('inventory at the server', async () => ((await countOf('inventory')) >= 1 ? true : undefined));
    const r = await report();
    assert.equal(r.totals.developers, 1);
    assert.equal(r.totals.machines, 1);
    const snap = audit.snapshot();
    assert.equal(snap.targets.endpoint, `${base}/v1/events`);
    assert.equal(snap.tokenSet, true);
    await waitFor('the queue to empty', () => (audit.snapshot().events.stats.queued === 0 ? true : undefined));
  });

  it('Send Queued Audit Events Now delivers a new event before it returns', async () => {
    const store = (await vscode.extensions.getExtension<TestHooks>(EXTENSION_ID)!.activate()).services.policy;
    assert.equal(await countOf('training.completed'), 0);
    await store.completeTraining('ai-literacy');
    const isTraining = (e: { type: string }) => e.type === 'training.completed';
    await waitFor('the training event in the recorder', () => {
      const ev = audit.snapshot().events;
      return ev.queued.some(isTraining) || ev.sent.some(isTraining) ? true : undefined;
    });
    await vscode.commands.executeCommand('aiPolicy.sendAuditEvents');
    assert.equal(audit.snapshot().events.stats.queued, 0, 'the queue is empty when the command returns');
    assert.equal(await countOf('training.completed'), 1, 'the server has the event when the command returns');
  });

  it('delivers the acknowledgement after Acknowledge', async () => {
    await vscode.commands.executeCommand('aiPolicy.acknowledge');
    const r = await waitFor('policy.acknowledged at the server', async () => {
      const rep = await report();
      return rep.acknowledgements.records.length ? rep : undefined;
    });
    const api = await vscode.extensions.getExtension<TestHooks>(EXTENSION_ID)!.activate();
    assert.equal(r.acknowledgements.records[0].version, api.services.policy.current?.policy.version);
    assert.ok(hostContext().trusted);
    assert.match(r.acknowledgements.records[0].hash, /^[0-9a-f]{64}$/);
  });

  it('sends the same event to the OpenTelemetry collector as an OTLP log record', async () => {
    const body = await waitFor('an OTLP body with the acknowledgement', () => otlpBodies.find((b) => b.includes('ai_policy.policy.acknowledged')));
    const logs = JSON.parse(body);
    const record = logs.resourceLogs[0].scopeLogs[0].logRecords.find((l: { eventName: string }) => l.eventName === 'ai_policy.policy.acknowledged');
    assert.ok(record);
    assert.match(record.timeUnixNano, /^\d{19}$/);
    assert.equal(logs.resourceLogs[0].scopeLogs[0].scope.name, 'ai-tool-policy.audit');
  });

  it('shows what was sent in the transparency view', async () => {
    await vscode.commands.executeCommand('aiPolicy.showAuditLog');
    const doc = await waitFor('the audit log document', () => vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'ai-policy-audit'));
    const text = await waitFor('the refreshed audit log', () => (doc.getText().includes('Events are sent to') && doc.getText().includes('policy.acknowledged') ? doc.getText() : undefined));
    assert.ok(text.includes(`Events are sent to ${base}/v1/events`), text.slice(0, 400));
    assert.match(text, /"recentlySent": \[\n\s+\{/);
    assert.ok(text.includes('"type": "policy.acknowledged"'));
  });

  it('never sends the canary secret of an open file', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const file = vscode.Uri.joinPath(folder.uri, 'config', 'prod.env');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
    const exposure = (await vscode.extensions.getExtension<TestHooks>(EXTENSION_ID)!.activate()).services.exposure;
    // An active AI tool the policy does not clear for secrets is installed: the exposure event must arrive.
    await waitFor('the exposure in the editor', () => (exposure.exposed.length ? true : undefined));
    await waitFor('exposure at the server', async () => ((await countOf('exposure')) >= 1 ? true : undefined));
    const r = await report();
    assert.ok(r.exposures.byClass.some((c: { class: string }) => c.class === 'secret'), JSON.stringify(r.exposures));
    // The exposure names the active tools by id (display names used to be dropped as ids), each counted once per event.
    const helper = r.exposures.byTool.find((t: { tool: string }) => t.tool === 'fake-ai.active-helper');
    assert.equal(helper?.n, r.exposures.total, JSON.stringify(r.exposures));
    assert.ok(!r.exposures.byTool.some((t: { tool: string }) => t.tool === 'none'), JSON.stringify(r.exposures));
    await audit.flush();
    const bytes = ['audit.db', 'audit.db-wal'].map((f) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f)).toString('latin1') : '')).join('');
    assert.ok(bytes.length > 0);
    assert.equal(bytes.includes(CANARY), false, 'the canary reached the server');
    assert.equal(bytes.includes('prod.env'), false, 'a raw path reached the server');
    assert.equal(otlpBodies.some((b) => b.includes(CANARY) || b.includes('prod.env')), false, 'the canary reached the collector');
  });

  it('shuts down in order: delivers what is queued, writes and closes the journal, then releases the queue lock', async () => {
    // A second recorder in this window takes the next queue slot; the running one keeps its own.
    const { context, log, config, policy } = (await vscode.extensions.getExtension<TestHooks>(EXTENSION_ID)!.activate()).services;
    const root = path.join(context.globalStorageUri.fsPath, 'audit');
    const before = new Set(fs.readdirSync(root));
    const second = new AuditRecorder(context, log, config);
    second.attachPolicy(policy);
    const slot = fs.readdirSync(root).find((d) => !before.has(d));
    assert.ok(slot, 'the second recorder has a slot of its own');
    const lock = path.join(root, slot, 'owner.lock');
    assert.ok(fs.existsSync(lock));
    const delivered = await countOf('ignoreFiles.added');
    second.record('ignoreFiles.added', { files: ['.shutdown-order-check'] });
    await second.shutdown();
    assert.equal(await countOf('ignoreFiles.added'), delivered + 1, 'delivered before the shutdown returned');
    const journal = fs.readFileSync(path.join(root, slot, 'events', 'journal.jsonl'), 'utf8').split('\n').filter(Boolean);
    const queued = journal.map((l) => JSON.parse(l) as { e?: { id: string; data: { files?: string[] } }; a?: string[] });
    const event = queued.find((x) => x.e?.data.files?.includes('.shutdown-order-check'))?.e;
    assert.ok(event, 'the event is in the journal');
    assert.ok(queued.some((x) => x.a?.includes(event.id)), 'its delivery was journaled before the journal closed');
    assert.equal(fs.existsSync(lock), false, 'the lock is released last');
    assert.ok(audit.snapshot().events.stats.sent > 0, 'the running recorder still works');
  });
});
