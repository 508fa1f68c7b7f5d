import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { PolicyCache, sha256 } from '../../../src/core/policy';
import { starterText, tempDir } from './helpers';

describe('policy cache', () => {
  it('round-trips the exact bytes, signature, etag and source', async () => {
    const t = tempDir();
    try {
      const cache = new PolicyCache(`${t.dir}/nested/storage`);
      assert.equal(await cache.read(), undefined);
      const data = Buffer.from(starterText());
      await cache.write({ data, signature: 'c2ln', etag: '"v1"', source: 'https://p.example/a.yaml' });
      const got = await cache.read();
      assert.ok(got);
      assert.deepEqual(Buffer.from(got.data, 'base64'), data);
      assert.equal(got.hash, sha256(data));
      assert.equal(got.signature, 'c2ln');
      assert.equal(got.etag, '"v1"');
      await cache.touch('"v2"');
      assert.equal((await cache.read())?.etag, '"v2"');
      assert.deepEqual(readdirSync(`${t.dir}/nested/storage`), ['policy-cache.json'], 'no temp files left behind');
    } finally {
      t.done();
    }
  });

  it('keeps the last good entry when a later write replaces it, and ignores a damaged file', async () => {
    const t = tempDir();
    try {
      const cache = new PolicyCache(t.dir);
      await cache.write({ data: Buffer.from('one'), source: 's' });
      await cache.write({ data: Buffer.from('two'), source: 's' });
      assert.equal(Buffer.from((await cache.read())!.data, 'base64').toString(), 'two');
      const raw = JSON.parse(readFileSync(cache.file, 'utf8'));
      writeFileSync(cache.file, JSON.stringify({ ...raw, data: Buffer.from('evil').toString('base64') }));
      assert.equal(await cache.read(), undefined, 'hash mismatch is treated as no cache');
      writeFileSync(cache.file, '{ half');
      assert.equal(await cache.read(), undefined);
    } finally {
      t.done();
    }
  });
});
