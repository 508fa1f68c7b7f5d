import * as assert from 'node:assert/strict';
import { createEvent, EVENT_TYPES, hashPath, sanitizeData } from '../../../src/core/audit';
import { CTX } from './helpers';

describe('audit events', () => {
  it('fills the common fields on every type', () => {
    for (const type of EVENT_TYPES) {
      const e = createEvent(type, {}, CTX, new Date('2026-11-25T10:00:00Z'));
      assert.match(e.id, /^[0-9a-f-]{36}$/);
      assert.equal(e.type, type);
      assert.equal(e.time, '2026-11-25T10:00:00.000Z');
      assert.equal(e.developer, 'dev@example.com');
      assert.equal(e.machine, 'm1');
      assert.deepEqual(e.editor, { name: 'Visual Studio Code', version: '1.99.0' });
      assert.equal(e.extensionVersion, '0.1.0');
      assert.equal(e.policyVersion, 3);
      assert.deepEqual(e.data, {});
    }
  });

  it('gives each event a unique id', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => createEvent('inventory', {}, CTX).id));
    assert.equal(ids.size, 1000);
  });

  it('keeps allow-listed inventory data', () => {
    const data = sanitizeData('inventory', {
      reason: 'start',
      tools: [{ id: 'github.copilot', name: 'GitHub Copilot', version: '1.2.3', kind: 'extension', status: 'approved', enabled: true, active: false, policyToolId: 'copilot' }],
      counts: { approved: 1, unlisted: 0 },
    });
    assert.deepEqual(data, {
      reason: 'start',
      tools: [{ id: 'github.copilot', name: 'GitHub Copilot', version: '1.2.3', kind: 'extension', status: 'approved', enabled: true, active: false, policyToolId: 'copilot' }],
      counts: { approved: 1, unlisted: 0 },
    });
  });
});

describe('audit event guard', () => {
  it('drops keys that are not allowed for the type, naming them', () => {
    const d = sanitizeData('policy.acknowledged', { version: 4, hash: 'a'.repeat(64), content: 'the whole file', text: 'x' });
    assert.deepEqual(d, { version: 4, hash: 'a'.repeat(64), redacted: ['content', 'text'] });
  });

  it('drops file contents (multi-line) even in allowed fields', () => {
    const d = sanitizeData('tool.added', { id: 'x.y', name: 'line one\nline two' });
    assert.equal(d.name, undefined);
    assert.deepEqual(d.redacted, ['name']);
  });

  it('drops raw paths in any string field', () => {
    for (const p of ['/home/ann/project/.env', 'C:\\Users\\ann\\secrets.txt', '~/notes.md', 'src/config/settings.json', 'config/app.env', './x']) {
      const d = sanitizeData('tool.added', { id: 'x.y', name: p });
      assert.equal(d.name, undefined, p);
    }
    // Tool ids with one slash (language models) are not paths.
    assert.equal(sanitizeData('tool.added', { id: 'lm:copilot/gpt-4.1' }).id, 'lm:copilot/gpt-4.1');
  });

  it('replaces a path in an exposure with its hash, and drops it elsewhere', () => {
    const d = sanitizeData('exposure', { path: 'src/.env', classes: ['secret'], tools: ['github.copilot'], rules: ['aws-access-key'] });
    assert.equal(d.pathHash, hashPath('src/.env'));
    assert.equal(JSON.stringify(d).includes('.env'), false);
    const t = sanitizeData('training.completed', { path: 'x/y.md', training: 'ai-basics' });
    assert.deepEqual(t, { training: 'ai-basics', redacted: ['path'] });
  });

  it('hashes paths with HMAC-SHA256 when given the pseudonymization key', () => {
    const key = 'k'.repeat(32);
    const keyed = hashPath('.env', key);
    assert.match(keyed, /^[0-9a-f]{64}$/);
    assert.notEqual(keyed, hashPath('.env'), 'a guessable name does not give a guessable hash');
    assert.equal(keyed, hashPath('.env', key), 'stable, so files stay distinguishable across events');
    assert.notEqual(keyed, hashPath('.env', 'another-key-of-16+'));
    assert.equal(hashPath('src\\.env', key), hashPath('src/.env', key));
  });

  it('drops secret-looking values', () => {
    const secrets = ['AKIAIOSFODNN7EXAMPLE', 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8', 'sk-abcdefghijklmnopqrstuvwxyz123456', 'Zx8Qp2Lm9Vt4Rk7Wn3Yb6Hc1Js5Dg0Fa8Ue2Io'];
    for (const s of secrets) assert.equal(sanitizeData('tool.added', { id: 'a.b', name: s }).name, undefined, s);
  });

  it('keeps only the origin and path of a published policy URL', () => {
    assert.equal(sanitizeData('policy.loaded', { source: 'https://policy.example/ai.yaml?token=abc#x' }).source, 'https://policy.example/ai.yaml');
    assert.equal(sanitizeData('policy.loaded', { source: 'file' }).source, 'file');
    assert.equal(sanitizeData('policy.loaded', { source: '/etc/ai.yaml' }).source, undefined);
  });

  it('caps strings, lists and total size', () => {
    assert.equal(sanitizeData('tool.added', { id: 'a.b', name: 'n'.repeat(201) }).name, undefined);
    const many = Array.from({ length: 300 }, (_, i) => `rule-${i}`);
    assert.equal((sanitizeData('exposure', { rules: many }).rules as string[]).length, 100);
    const tools = Array.from({ length: 2000 }, (_, i) => ({ id: `publisher.tool-${i}`, name: 'N'.repeat(150) }));
    const d = sanitizeData('inventory', { tools });
    assert.ok(Buffer.byteLength(JSON.stringify(d)) <= 64 * 1024);
  });
});
