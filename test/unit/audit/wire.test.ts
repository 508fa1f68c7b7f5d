// One wire format for both ends: whatever the editor's guard lets through, the server accepts; what the
// server refuses by shape, the guard never produces.
import * as assert from 'node:assert/strict';
import { createEvent, EVENT_TYPES } from '../../../src/core/audit/events';
import { EVENT_FIELDS, WIRE_LIMITS } from '../../../src/core/audit/wireSchema';
import { validateBatch } from '../../../src/server/validate';

const CTX = { developer: 'ann@example.com', machine: 'f'.repeat(64), editor: { name: 'Visual Studio Code', version: '1.99.0' }, extensionVersion: '0.1.0', policyVersion: 3 };

/** A value of each kind that the guard keeps. */
const SAMPLE: Record<string, unknown> = {
  text: 'GitHub Copilot',
  id: 'github.copilot',
  hash: 'ab'.repeat(32),
  number: 3,
  boolean: true,
  ids: ['secret', 'pii'],
  texts: ['GitHub Copilot', 'Acme AI'],
  tool: { id: 'github.copilot', name: 'GitHub Copilot', status: 'approved', enabled: true, dataClasses: ['code'] },
  tools: [{ id: 'github.copilot', name: 'GitHub Copilot', version: '1.2.3', kind: 'extension', status: 'approved', enabled: true, active: false, activeDays: ['2026-11-19', '2026-11-20'] }],
  counts: { approved: 1, unlisted: 2 },
  source: 'https://policy.example.com/ai.yaml',
  date: '2026-11-20',
  dates: ['2026-11-19', '2026-11-20'],
};

describe('audit wire schema shared by editor and server', () => {
  it('defines every event type once, and the server accepts a full event of each type built by the editor', () => {
    assert.deepEqual(Object.keys(EVENT_FIELDS).sort(), [...EVENT_TYPES].sort());
    const events = EVENT_TYPES.map((type) => {
      const data = Object.fromEntries(Object.entries(EVENT_FIELDS[type]).map(([k, kind]) => [k, SAMPLE[kind]]));
      const e = createEvent(type, { ...data, reason: 'start', count: 1, path: '/home/ann/secret.env' }, CTX, new Date('2026-11-20T09:00:00Z'));
      for (const k of Object.keys(EVENT_FIELDS[type])) assert.ok(k in e.data, `${type}.${k} kept by the guard`);
      return e;
    });
    const v = validateBatch(JSON.stringify({ events }), Date.parse('2026-11-20T10:00:00Z'));
    assert.ok(v.ok, v.ok ? '' : v.reason);
  });

  it('the editor truncates lists to the wire limits the server enforces', () => {
    const e = createEvent('exposure', { classes: Array.from({ length: 150 }, (_, i) => `c${i}`) }, CTX);
    assert.equal((e.data.classes as string[]).length, WIRE_LIMITS.list);
    assert.ok(validateBatch(JSON.stringify({ events: [e] })).ok);
  });

  it('the server refuses known fields of the wrong kind, and keeps an unknown field marked as not understood', () => {
    const e = createEvent('exposure', { classes: ['secret'] }, CTX);
    const bad = [{ ...e, data: { ...e.data, classes: 'secret' } }, { ...e, data: { ...e.data, pathHash: 'not-a-hash' } }];
    for (const b of bad) {
      const v = validateBatch(JSON.stringify({ events: [b] }));
      assert.equal(v.ok, false, JSON.stringify(b.data));
      assert.equal(!v.ok && v.kind, 'schema');
    }
    // The editor's guard never sends a field it does not know (it keeps only the wire schema's); a newer editor's field is kept, noted.
    assert.equal('color' in createEvent('exposure', { classes: ['secret'], color: 'x' }, CTX).data, false);
    const v = validateBatch(JSON.stringify({ events: [{ ...e, data: { ...e.data, color: 'x' } }] }));
    assert.ok(v.ok);
    assert.deepEqual(v.events[0].note?.notUnderstood, ['data.color']);
  });

  it('sends exposure tools as ids, with their names beside them', () => {
    const e = createEvent('exposure', { classes: ['secret'], tools: ['github.copilot', 'Acme AI Helper'], toolNames: ['GitHub Copilot'] }, CTX);
    assert.deepEqual(e.data.tools, ['github.copilot'], 'a display name is not an id');
    assert.deepEqual(e.data.toolNames, ['GitHub Copilot']);
  });
});
