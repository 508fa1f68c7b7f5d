// The OTLP receiver end to end: recorded payloads in each documented shape (JSON and protobuf) sent over
// loopback HTTP to a real server, read back through the report's adoption view; content sent on purpose
// is absent from the database file; the door's limits and credentials.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { pseudonymize } from '../../../src/core/audit/identity';
import { sha256 } from '../../../src/core/sha256';
import { encodeRequest, type Signal } from '../../../src/server/otlp/decode';
import claudeLogs from './fixtures/otlp/claude-code-logs.json';
import claudeMetrics from './fixtures/otlp/claude-code-metrics.json';
import codexLogs from './fixtures/otlp/codex-logs.json';
import geminiMetrics from './fixtures/otlp/gemini-cli-metrics.json';
import genaiMetrics from './fixtures/otlp/genai-copilot-metrics.json';
import { ADMIN, report, request, startServer, TOKEN, type Running } from './helpers';

const SECRET_PROMPT = 'PURPLE-WALRUS-7731';
const RANGE = '?since=2026-11-30&until=2026-12-06';

/** The fixture as the agent sends it (the citation comment is not part of the payload). */
function payload(fixture: Record<string, unknown>): Record<string, unknown> {
  const { comment: _comment, ...body } = fixture;
  return body;
}

export function sendOtlp(base: string, signal: Signal, body: Record<string, unknown>, opts: { token?: string; encoding?: 'json' | 'protobuf'; gzip?: boolean } = {}) {
  const encoding = opts.encoding ?? 'json';
  let bytes: Buffer = encoding === 'json' ? Buffer.from(JSON.stringify(body)) : encodeRequest(signal, body);
  const headers: Record<string, string> = { 'content-type': encoding === 'json' ? 'application/json' : 'application/x-protobuf' };
  if (opts.gzip) {
    bytes = gzipSync(bytes);
    headers['content-encoding'] = 'gzip';
  }
  if (opts.token !== '') headers.authorization = `Bearer ${opts.token ?? TOKEN}`;
  return request(`${base}/v1/${signal}`, { method: 'POST', headers, body: bytes });
}

type Tool = Record<string, number | string>;
const toolOf = (rep: Record<string, any>, id: string): Tool => rep.adoption.tools.find((t: Tool) => t.tool === id); // eslint-disable-line @typescript-eslint/no-explicit-any

describe('server: OTLP receiver (/v1/logs, /v1/metrics)', () => {
  let s: Running;
  before(async () => {
    s = await startServer();
  });
  after(async () => s.close());

  it('maps Claude Code metrics and events (JSON) to one developer, tool and day, without double counting', async () => {
    assert.equal((await sendOtlp(s.base, 'metrics', payload(claudeMetrics))).status, 200);
    const r = await sendOtlp(s.base, 'logs', payload(claudeLogs));
    assert.equal(r.status, 200, r.body);
    assert.equal(r.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(r.body), {});
    const rep = await report(s.base, RANGE);
    const claude = toolOf(rep, 'anthropic.claude-code');
    assert.deepEqual(
      { ...claude },
      {
        tool: 'anthropic.claude-code', name: 'Claude Code', vendor: 'Anthropic', status: 'unlisted', developers: 1, days: 1,
        sessions: 1, prompts: 1, toolCalls: 2, denials: 1, linesAdded: 120, linesRemoved: 30, commits: 2, pullRequests: 1,
        // metrics (5000 + 1500 + 20000) and the api_request event (900 + 250 + 4000) both report tokens: the larger source counts
        tokens: 26500, costUsd: 0.42, activeHours: 0.2,
      },
    );
    assert.deepEqual(rep.adoption.developers.map((d: Tool) => [d.developer, d.tool]), [['ann@example.com', 'anthropic.claude-code']]);
    assert.equal(rep.telemetry.contentDropped, 3, `content dropped: ${rep.telemetry.contentDropped}`);
  });

  it('maps Codex events and GenAI histograms (protobuf, gzip) and names unapproved use as shadow AI', async () => {
    assert.equal((await sendOtlp(s.base, 'logs', payload(codexLogs), { encoding: 'protobuf' })).status, 200);
    const r = await sendOtlp(s.base, 'metrics', payload(genaiMetrics), { encoding: 'protobuf', gzip: true });
    assert.equal(r.status, 200, r.body);
    assert.equal(r.headers['content-type'], 'application/x-protobuf');
    const rep = await report(s.base, RANGE);
    const codex = toolOf(rep, 'openai.chatgpt');
    assert.equal(codex.developers, 1);
    assert.deepEqual([codex.sessions, codex.prompts, codex.toolCalls, codex.denials, codex.tokens], [1, 1, 1, 1, 2300]);
    const copilot = toolOf(rep, 'cli:copilot');
    assert.deepEqual([copilot.name, copilot.tokens, copilot.pullRequests], ['GitHub Copilot CLI', 2100, 0]);
    assert.equal(rep.adoption.activeDevelopers, 3);
    // Nothing is approved without a policy: all of it is shadow use, each tool named.
    assert.equal(rep.adoption.shadowShare, 1);
    assert.deepEqual(rep.adoption.shadowTools.map((t: Tool) => t.tool).sort(), ['anthropic.claude-code', 'cli:copilot', 'openai.chatgpt']);
  });

  it('turns cumulative sums into increases per series (Gemini CLI, protobuf)', async () => {
    const first = payload(geminiMetrics);
    assert.equal((await sendOtlp(s.base, 'metrics', first, { encoding: 'protobuf' })).status, 200);
    // The next export of the same series: 6 tool calls since the start, 3500 tokens.
    const second = JSON.parse(JSON.stringify(first).replace('"asInt":"4"', '"asInt":"6"').replace('"asInt":"3000"', '"asInt":"3500"')) as Record<string, unknown>;
    assert.equal((await sendOtlp(s.base, 'metrics', second, { encoding: 'protobuf' })).status, 200);
    const gemini = toolOf(await report(s.base, RANGE), 'cli:gemini');
    assert.deepEqual([gemini.name, gemini.vendor, gemini.sessions, gemini.toolCalls, gemini.tokens], ['Gemini CLI', 'Google', 1, 6, 3500]);
  });

  it('refuses a missing, wrong or admin token, a wrong content type, and malformed bodies', async () => {
    const body = payload(claudeLogs);
    assert.equal((await sendOtlp(s.base, 'logs', body, { token: '' })).status, 401);
    assert.equal((await sendOtlp(s.base, 'logs', body, { token: 'wrong-token-wrong-token' })).status, 401);
    assert.equal((await sendOtlp(s.base, 'logs', body, { token: ADMIN })).status, 403);
    const text = await request(`${s.base}/v1/logs`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' }, body: 'x' });
    assert.equal(text.status, 415);
    const junk = await request(`${s.base}/v1/metrics`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-protobuf' }, body: Buffer.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]) });
    assert.equal(junk.status, 400, junk.body);
    const many = { resourceLogs: [{ resource: { attributes: Array.from({ length: 200 }, (_, i) => ({ key: `k${i}`, value: { stringValue: 'v' } })) }, scopeLogs: [] }] };
    assert.match((await sendOtlp(s.base, 'logs', many)).body, /more than 128 attributes/);
    let deep: Record<string, unknown> = { stringValue: 'x' };
    for (let i = 0; i < 20; i++) deep = { kvlistValue: { values: [{ key: 'k', value: deep }] } };
    const nested = { resourceLogs: [{ resource: { attributes: [{ key: 'a', value: deep }] }, scopeLogs: [] }] };
    const r = await sendOtlp(s.base, 'logs', nested, { encoding: 'protobuf' });
    assert.equal(r.status, 400);
    assert.match(r.body, /nested deeper than 8/);
  });
});

describe('server: OTLP limits, identity and content', () => {
  it('caps the body (also once inflated) and the request rate per address', async () => {
    const s = await startServer({ maxBodyBytes: 4096, otlpRequestsPerMinute: 2 });
    try {
      const big = { resourceLogs: [{ resource: { attributes: [{ key: 'service.name', value: { stringValue: 'x'.repeat(10_000) } }] } }] };
      assert.equal((await sendOtlp(s.base, 'logs', big)).status, 413);
      assert.equal((await sendOtlp(s.base, 'logs', big, { gzip: true })).status, 413, 'a small gzip body that inflates past the cap');
      const r = await sendOtlp(s.base, 'logs', { resourceLogs: [] });
      assert.equal(r.status, 429);
      assert.ok(Number(r.headers['retry-after']) >= 1);
    } finally {
      await s.close();
    }
  });

  it('counts an enrolled token as its developer, and pseudonymizes e-mails when the policy asks', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-otlp-pol-'));
    const policyFile = path.join(dir, 'policy.yaml');
    fs.writeFileSync(policyFile, 'organization: Example\nversion: 1\naudit:\n  pseudonymize:\n    hmacKey: k3y-for-tests-only\ntools:\n  - id: claude\n    name: Claude Code\n    status: approved\n    identifiers: [anthropic.claude-code]\n');
    const s = await startServer({ policyFile });
    try {
      const token = 'aipe_enrolled-token-for-otlp-test-0001';
      await s.app.store.enroll('anon:enrolled-dev', sha256(token));
      assert.equal((await sendOtlp(s.base, 'metrics', payload(claudeMetrics), { token, encoding: 'protobuf' })).status, 200);
      assert.equal((await sendOtlp(s.base, 'logs', payload(codexLogs))).status, 200);
      const rep = await report(s.base, RANGE);
      const devs = rep.adoption.developers.map((d: Tool) => `${d.developer} ${d.tool} ${d.status}`).sort();
      assert.deepEqual(devs, [`${pseudonymize('bob@example.com', 'k3y-for-tests-only')} openai.chatgpt unlisted`, 'anon:enrolled-dev anthropic.claude-code approved']);
      assert.equal(rep.adoption.approvedDevelopers, 1);
      assert.equal(rep.adoption.shadowShare, 0.5);
    } finally {
      await s.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never stores prompt text, tool inputs or outputs, paths or commands sent on purpose (the database file is searched)', async () => {
    // Always a SQLite file here, so that every byte the server wrote can be searched.
    const s = await startServer({ dbFile: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aip-otlp-db-')), 'audit.db') });
    const file = (s.app.store.description.match(/^SQLite (.*)$/) ?? [])[1];
    try {
      assert.equal((await sendOtlp(s.base, 'logs', payload(claudeLogs))).status, 200);
      assert.equal((await sendOtlp(s.base, 'logs', payload(codexLogs), { encoding: 'protobuf' })).status, 200);
      const rep = await report(s.base, RANGE);
      assert.equal(toolOf(rep, 'anthropic.claude-code').prompts, 1, 'the prompt was counted');
      assert.ok(rep.telemetry.contentDropped >= 6);
      await s.app.store.close();
      const bytes = Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
      assert.ok(bytes.length > 0);
      for (const needle of [SECRET_PROMPT, 'refactor the billing', 'secret-ledger', '.aws/credentials', 'rm -rf', 'removed build/', 'add retries']) {
        assert.equal(bytes.includes(Buffer.from(needle)), false, `"${needle}" is in the database file`);
      }
      assert.ok(bytes.includes(Buffer.from('anthropic.claude-code')), 'the search would find stored text');
    } finally {
      await s.close().catch(() => undefined);
    }
  });
});

// Found by an attacker's pass over the receiver: telemetry must not bend the evidence, speak for an enrolled
// developer with the shared token, overflow the organization's totals, hold the door with slow uploads, or shut
// out a valid token because others failed from the same address.
describe('server: OTLP against an attacker', () => {
  const withEmail = (fixture: Record<string, unknown>, email: string): Record<string, unknown> => JSON.parse(JSON.stringify(payload(fixture)).replaceAll('ann@example.com', email)) as Record<string, unknown>;

  it('telemetry leaves verify-log passing: its request counters are not evidence', async () => {
    const s = await startServer();
    try {
      assert.equal((await sendOtlp(s.base, 'logs', { resourceLogs: [] })).status, 200);
      assert.equal((await sendOtlp(s.base, 'metrics', payload(claudeMetrics))).status, 200);
      const v = await s.app.store.verifyLog();
      assert.equal(v.ok, true, v.ok ? '' : v.reason);
    } finally {
      await s.close();
    }
  });

  it('the shared token cannot add telemetry to an enrolled developer; their own token can', async () => {
    const s = await startServer();
    try {
      const token = 'aipe_enrolled-token-for-otlp-test-0002';
      await s.app.store.enroll('anon:carol', sha256(token));
      const forged = await sendOtlp(s.base, 'metrics', withEmail(claudeMetrics, 'anon:carol'));
      assert.equal(forged.status, 403, forged.body);
      assert.match(forged.body, /enrolled/);
      assert.equal((await sendOtlp(s.base, 'metrics', withEmail(claudeMetrics, 'anon:dave'))).status, 200, 'a developer who is not enrolled');
      assert.equal((await sendOtlp(s.base, 'metrics', payload(claudeMetrics), { token })).status, 200);
      const devs = (await report(s.base, RANGE)).adoption.developers.map((d: Tool) => d.developer).sort();
      assert.deepEqual(devs, ['anon:carol', 'anon:dave']);
    } finally {
      await s.close();
    }
  });

  it('telemetry sent with an enrolled token cannot be dated more than 60 days back; self-declared telemetry can', async () => {
    const s = await startServer();
    try {
      const token = 'aipe_enrolled-token-for-otlp-test-0003';
      await s.app.store.enroll('anon:erin', sha256(token));
      const old = JSON.parse(JSON.stringify(payload(claudeMetrics)).replace(/"(timeUnixNano|startTimeUnixNano)":\s*"\d+"/g, `"$1": "${Date.UTC(2020, 0, 15) * 1e6}"`)) as Record<string, unknown>;
      const r = await sendOtlp(s.base, 'metrics', old, { token });
      assert.equal(r.status, 200);
      assert.ok(JSON.parse(r.body).partialSuccess?.rejectedDataPoints > 0, r.body);
      assert.equal((await sendOtlp(s.base, 'metrics', withEmail(old, 'anon:frank'))).status, 200);
      const devs = (await report(s.base, '?since=2020-01-13&until=2020-01-19')).adoption.developers.map((d: Tool) => d.developer);
      assert.deepEqual(devs, ['anon:frank']);
    } finally {
      await s.close();
    }
  });

  it('a figure beyond any real request is not counted, so totals stay finite', async () => {
    const s = await startServer();
    try {
      const huge = JSON.parse(JSON.stringify(payload(claudeMetrics)).replace(/"asDouble":\s*[\d.]+/g, '"asDouble": 1.7e308')) as Record<string, unknown>;
      for (let i = 0; i < 2; i++) assert.equal((await sendOtlp(s.base, 'metrics', huge)).status, 200);
      assert.equal((await sendOtlp(s.base, 'metrics', payload(claudeMetrics))).status, 200);
      const claude = toolOf(await report(s.base, RANGE), 'anthropic.claude-code');
      for (const k of ['costUsd', 'tokens']) assert.ok(Number.isFinite(claude[k]) && Number(claude[k]) < 1e12, `${k}: ${claude[k]}`);
    } finally {
      await s.close();
    }
  });

  it('a valid token still gets through from an address where wrong tokens were throttled', async () => {
    const s = await startServer({ authFailuresPerMinute: 3 });
    try {
      let last = 0;
      for (let i = 0; i < 5; i++) last = (await sendOtlp(s.base, 'logs', { resourceLogs: [] }, { token: 'wrong-token-wrong-token' })).status;
      assert.equal(last, 429);
      assert.equal((await sendOtlp(s.base, 'logs', { resourceLogs: [] })).status, 200);
    } finally {
      await s.close();
    }
  });

  it('slow uploads are dropped (408) and do not hold the body budget', async () => {
    const s = await startServer({ maxBodyBytes: 64 * 1024, maxConcurrentBodyBytes: 128 * 1024, minUploadBytesPerSecond: 2000, uploadGraceMs: 300 });
    let held: http.ClientRequest[] = [];
    try {
      held = await Promise.all([0, 1, 2, 3].map(async () => {
        const req = http.request(`${s.base}/v1/logs`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'content-length': String(60 * 1024) } });
        req.on('error', () => undefined);
        req.write('{');
        await new Promise((r) => setTimeout(r, 50));
        return req;
      }));
      assert.equal((await sendOtlp(s.base, 'logs', { resourceLogs: [] })).status, 200, 'declared sizes do not take the budget');
      // Unanswered after 5 s counts as 0: the upload is still holding its share.
      const answers = await Promise.all(held.map((r) => new Promise<number>((resolve) => {
        r.on('response', (res) => resolve(res.statusCode ?? 0));
        setTimeout(() => resolve(0), 5000).unref();
      })));
      assert.ok(answers.every((a) => a === 408 || a === 503), answers.join(' '));
      assert.ok(answers.includes(408), answers.join(' '));
    } finally {
      for (const r of held) r.destroy();
      await s.close();
    }
  });
});
