// The render worker collects garbage when idle (renderWorker.ts): the collector must exist, or the server's
// peak memory goes back to swinging with V8's lazy collection. It frees what a render left behind.
import * as assert from 'node:assert/strict';
import { collector } from '../../../src/server/render/renderWorker';

describe('render worker: collection when idle', () => {
  it('gets a working full collection from V8', () => {
    const collect = collector();
    assert.equal(typeof collect, 'function');
    let garbage: number[][] | undefined = Array.from({ length: 2000 }, () => Array.from({ length: 1000 }, (_, i) => i));
    const before = process.memoryUsage().heapUsed;
    garbage = undefined;
    void garbage;
    collect?.();
    const after = process.memoryUsage().heapUsed;
    assert.ok(before - after > 8_000_000, `a collection freed ${((before - after) / 1e6).toFixed(1)} MB of ~16 MB of arrays`);
  });
});
