// The editor's strings are translatable and the German translation is complete: every vscode.l10n.t message
// of src/editor is in l10n/bundle.l10n.json, every %key% of package.json is in package.nls.json, and each
// German file has every English key with the same {0} placeholders and no key the English file lacks.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { extractMessages, placeholders } from '../../../scripts/l10n/extract';
import { repoRoot } from '../../harness/workspaceSetup';

const root = repoRoot();
const read = (rel: string) => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8')) as Record<string, string>;

function assertCovers(englishFile: string, germanFile: string): void {
  const en = read(englishFile);
  const de = read(germanFile);
  const missing = Object.keys(en).filter((k) => !(k in de));
  assert.deepEqual(missing, [], `${germanFile} misses keys`);
  const stale = Object.keys(de).filter((k) => !(k in en));
  assert.deepEqual(stale, [], `${germanFile} has keys that ${englishFile} no longer has`);
  for (const [k, v] of Object.entries(en)) {
    assert.deepEqual(placeholders(de[k]), placeholders(v), `${germanFile}: placeholders of "${k}"`);
    assert.ok(de[k].trim(), `${germanFile}: "${k}" is empty`);
  }
}

describe('localization bundles', () => {
  it('every vscode.l10n.t message in src/editor is in the English bundle, and every one is a literal', () => {
    const { messages, problems } = extractMessages(root);
    assert.deepEqual(problems, []);
    assert.ok(messages.size > 100, `found ${messages.size} messages`);
    const bundle = read('l10n/bundle.l10n.json');
    const missing = [...messages.keys()].filter((m) => !(m in bundle));
    assert.deepEqual(missing, [], 'run npm run l10n');
    const stale = Object.keys(bundle).filter((m) => !messages.has(m));
    assert.deepEqual(stale, [], 'run npm run l10n');
    for (const [k, v] of Object.entries(bundle)) assert.equal(v, k);
  });

  it('the German runtime bundle covers every key of the English one', () => {
    assertCovers('l10n/bundle.l10n.json', 'l10n/bundle.l10n.de.json');
  });

  it('every %key% of package.json is defined, and the German manifest strings cover them all', () => {
    const nls = read('package.nls.json');
    const pkg = fs.readFileSync(path.join(root, 'package.json'), 'utf8');
    const used = [...pkg.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(used.length > 40);
    assert.deepEqual(used.filter((k) => !(k in nls)), []);
    assert.deepEqual(Object.keys(nls).filter((k) => !used.includes(k)), [], 'package.nls.json keeps unused keys');
    const manifest = JSON.parse(pkg) as { l10n?: string; contributes: { commands: { title: string }[] } };
    assert.equal(manifest.l10n, './l10n');
    for (const c of manifest.contributes.commands) assert.match(c.title, /^%.+%$/, 'command titles are localizable');
    assertCovers('package.nls.json', 'package.nls.de.json');
  });

  it('the extractor reports a message that is not a literal and finds messages of a translator parameter', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'l10n-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'a.ts'),
        [
          "import vscode = require('vscode');",
          "const x = 'Dynamic';",
          'export const a = vscode.l10n.t(x);',
          "export const b = vscode.l10n.t('Hello {0}', 'you');",
          'export const pass = (m: string) => vscode.l10n.t(m);',
          "export const c = (t: (m: string) => string) => t('Via translator');",
        ].join('\n'),
      );
      const { messages, problems } = extractMessages(dir, dir);
      assert.deepEqual([...messages.keys()].sort(), ['Hello {0}', 'Via translator']);
      assert.equal(problems.length, 1);
      assert.match(problems[0], /a\.ts:3: .*not a string literal/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
