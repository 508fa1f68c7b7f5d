import * as assert from 'node:assert/strict';
import { createEvent, encodeOtlp, Sender, toOtlpLogs } from '../../../src/core/audit';
import { captureServer, CTX, tempQueue } from './helpers';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('audit OTLP encoding', () => {
  const events = [
    createEvent('policy.acknowledged', { version: 4, hash: 'ab'.repeat(32) }, CTX, new Date('2026-11-25T10:00:00.123Z')),
    createEvent('exposure', { classes: ['secret'], tools: ['github.copilot'], findings: 2 }, CTX),
    createEvent('inventory', { tools: [{ id: 'x.y', enabled: true }] }, { ...CTX, machine: 'm2' }),
  ];

  it('builds resourceLogs / scopeLogs / logRecords grouped by source', () => {
    const body = toOtlpLogs(events) as Json;
    assert.equal(body.resourceLogs.length, 2);
    const first = body.resourceLogs[0];
    const res = Object.fromEntries(first.resource.attributes.map((a: Json) => [a.key, a.value]));
    assert.deepEqual(res['host.id'], { stringValue: 'm1' });
    assert.deepEqual(res['service.version'], { stringValue: '0.1.0' });
    assert.equal(first.scopeLogs[0].scope.name, 'ai-tool-policy.audit');
    const recs = first.scopeLogs[0].logRecords;
    assert.equal(recs.length, 2);
    const r = recs[0];
    assert.equal(r.timeUnixNano, `${Date.parse('2026-11-25T10:00:00.123Z')}000000`);
    assert.equal(typeof r.observedTimeUnixNano, 'string');
    assert.equal(r.severityText, 'INFO');
    assert.equal(r.severityNumber, 9);
    const attrs = Object.fromEntries(r.attributes.map((a: Json) => [a.key, a.value]));
    assert.deepEqual(attrs['event.name'], { stringValue: 'ai_policy.policy.acknowledged' });
    assert.deepEqual(attrs['event.id'], { stringValue: events[0].id });
    assert.deepEqual(attrs['user.id'], { stringValue: 'dev@example.com' });
    assert.deepEqual(attrs['ai_policy.policy.version'], { intValue: '3' });
    const bodyKv = Object.fromEntries(r.body.kvlistValue.values.map((a: Json) => [a.key, a.value]));
    assert.deepEqual(bodyKv.version, { intValue: '4' });
    const exp = Object.fromEntries(recs[1].body.kvlistValue.values.map((a: Json) => [a.key, a.value]));
    assert.deepEqual(exp.classes, { arrayValue: { values: [{ stringValue: 'secret' }] } });
    const inv = body.resourceLogs[1].scopeLogs[0].logRecords[0].body.kvlistValue.values[0].value;
    assert.deepEqual(inv.arrayValue.values[0].kvlistValue.values[1], { key: 'enabled', value: { boolValue: true } });
  });

  it('is posted to /v1/logs by the sender', async () => {
    const srv = await captureServer();
    try {
      const q = tempQueue();
      q.enqueue(events);
      const s = new Sender(q, { endpoint: `${srv.url}/v1/logs`, encode: encodeOtlp, minDelayMs: 1 });
      assert.equal(await s.drain(), true);
      assert.equal(srv.seen[0].url, '/v1/logs');
      const body = JSON.parse(srv.seen[0].body) as Json;
      const count = body.resourceLogs.reduce((n: number, r: Json) => n + r.scopeLogs[0].logRecords.length, 0);
      assert.equal(count, 3);
    } finally {
      await srv.close();
    }
  });
});
