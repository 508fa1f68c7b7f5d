// The README's screenshots exist (the demo UI check writes them) and are the images it says they are.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../../harness/workspaceSetup';

describe('README screenshots', () => {
  const root = repoRoot();
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const images = [...readme.matchAll(/!\[[^\]]+\]\((docs\/images\/[^)]+)\)/g)].map((m) => m[1]);

  it('shows the status bar, the policy viewer, an exposure warning, the dashboard, its adoption view and the review queue and the exception request dialog', () => {
    assert.deepEqual(images.sort(), ['docs/images/adoption.png', 'docs/images/dashboard.png', 'docs/images/exposure-warning.png', 'docs/images/policy-viewer.png', 'docs/images/request-exception.png', 'docs/images/server-review-queue.png', 'docs/images/status-bar.png']);
  });

  it('each is a PNG of the size the UI check takes (1400 x 900)', () => {
    const shots = ['demo.test.ts', 'dashboard.test.ts', 'reviewQueue.test.ts', 'requestDialog.test.ts'].map((f) => fs.readFileSync(path.join(root, 'test', 'ui', f), 'utf8')).join('\n');
    for (const image of images) {
      const png = fs.readFileSync(path.join(root, image));
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', image);
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [1400, 900], image);
      assert.ok(shots.includes(`'${path.basename(image, '.png')}'`), `${image} is taken by test/ui/demo.test.ts, dashboard.test.ts, reviewQueue.test.ts or requestDialog.test.ts`);
    }
  });
});
