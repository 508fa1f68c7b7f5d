// Benchmarks the review queue's reads on SQLite: the queue and the evidence read requests and decisions from
// the whole log by type, without an index of their own. A log of N events (daily inventories) with R
// requests and a decision on every other one; then, median and max of 5: the rows by type, the queue page
// built from them, and the exception evidence.
// Usage: node esbuild.js --tests && node out/scripts/bench-review-queue.js [--events N] [--requests R]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import canonicalize from 'canonicalize';
import { activityQueries, exceptionEvidence } from '../src/server/exceptions/evidence';
import { buildQueue } from '../src/server/exceptions/queue';
import { decisionRecord, EXCEPTION_DECIDED, readDecisions, readRequests, REQUESTED } from '../src/server/exceptions/records';
import { requestsPage } from '../src/server/exceptions/requestsPage';
import { openStore } from '../src/server/store';
import type { CheckedEvent, IncomingEvent } from '../src/server/validate';

const { values } = parseArgs({ options: { events: { type: 'string', default: '200000' }, requests: { type: 'string', default: '2000' } } });
const EVENTS = Number(values.events);
const REQUESTS = Number(values.requests);
const USAGE_DAYS = 120;

function checked(e: Record<string, unknown>, at: number): CheckedEvent {
  const event = e as unknown as IncomingEvent;
  return { event, at, developer: String(e.developer), body: canonicalize(event) as string };
}

async function time<T>(fn: () => Promise<T> | T): Promise<{ median: number; max: number; value: T }> {
  const ms: number[] = [];
  let value!: T;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    value = await fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  return { median: ms[2], max: ms[4], value };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-bench-queue-'));
  const store = await openStore(path.join(dir, 'audit.db'));
  try {
    const start = Date.UTC(2026, 0, 1);
    const t0 = performance.now();
    const tools = [{ id: 'github.copilot', name: 'GitHub Copilot', status: 'approved', enabled: true, active: true }, { id: 'saoudrizwan.claude-dev', name: 'Cline', status: 'unlisted', enabled: true, active: true }];
    for (let i = 0; i < EVENTS; i += 5000) {
      const batch: CheckedEvent[] = [];
      for (let k = i; k < Math.min(EVENTS, i + 5000); k++) {
        const at = start + k * 60_000;
        batch.push(checked({ id: `inv-${k}`, type: 'inventory', time: new Date(at).toISOString(), developer: `dev${k % 500}@example.com`, machine: `m${k % 500}`, data: { tools } }, at));
      }
      await store.ingest({ events: batch, received: new Date().toISOString(), auth: 'shared' });
    }
    const requests: CheckedEvent[] = [];
    for (let k = 0; k < REQUESTS; k++) {
      const at = start + k * 3_600_000;
      const data = { requestId: `req-20260101-${k.toString(16).padStart(16, '0')}`, toolId: k % 3 ? 'saoudrizwan.claude-dev' : 'github-copilot', scope: 'person', days: 30, reason: `Reason number ${k}`, identity: 'self-declared' };
      requests.push(checked({ id: `req-${k}`, type: REQUESTED, time: new Date(at).toISOString(), developer: `dev${k % 500}@example.com`, data }, at));
    }
    await store.ingest({ events: requests, received: new Date().toISOString(), auth: 'shared' });
    const open = readRequests(await store.chainedRecords([REQUESTED]));
    const decisions = open.filter((_, k) => k % 2 === 0).map((r) => decisionRecord(r, { requestId: r.requestId, status: 'approved', approvedBy: 'Dana', scope: 'person', from: '2026-01-02', until: '2026-02-01' }, undefined, r.at + 1000));
    await store.ingest({ events: decisions, received: new Date().toISOString(), auth: 'server' });
    // Usage rollups: each developer active with both tools on most days of 120 (editor active days).
    const firstDay = Math.floor(start / 86_400_000);
    let usageRows = 0;
    for (let d = 0; d < USAGE_DAYS; d++) {
      const deltas = [];
      for (let k = 0; k < 500; k++) for (const t of tools) if ((k + d) % 5) deltas.push({ day: firstDay + d, developer: `dev${k}@example.com`, tool: t.id, source: 'editor' as const, figures: {} });
      usageRows += deltas.length;
      await store.ingestUsage({ deltas, cumulative: [], counters: {} });
    }
    const loaded = performance.now() - t0;

    const rows = await time(() => store.chainedRecords([REQUESTED, EXCEPTION_DECIDED]));
    const page = await time(() => {
      const groups = buildQueue(readRequests(rows.value), readDecisions(rows.value), [], undefined);
      return requestsPage(groups, { nonce: 'n', csrf: 'c', maxDays: 90, now: Date.now() });
    });
    const evidence = await time(async () => {
      const reqs = readRequests(rows.value);
      const decs = readDecisions(rows.value);
      const activity = new Map((await store.usageInForce(activityQueries(reqs, decs, { roster: [] }))).map((u) => [u.key, u]));
      return exceptionEvidence(reqs, decs, [], { roster: [], now: Date.now(), activity });
    });
    const fmt = (t: { median: number; max: number }) => `median ${t.median.toFixed(1)} ms, max ${t.max.toFixed(1)} ms`;
    console.log(`log: ${EVENTS + REQUESTS + decisions.length} events (${REQUESTS} requests, ${decisions.length} decisions), loaded in ${(loaded / 1000).toFixed(1)} s`);
    console.log(`rows by type (${rows.value.length} rows): ${fmt(rows)}`);
    console.log(`queue page (${(page.value.length / 1024).toFixed(0)} KiB HTML): ${fmt(page)}`);
    console.log(`exception evidence with each decision's usage rollups read (${evidence.value.rows.length} rows, ${evidence.value.rows.filter((r) => r.activeDays > 0).length} used, ${usageRows} usage rows): ${fmt(evidence)}`);
  } finally {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
