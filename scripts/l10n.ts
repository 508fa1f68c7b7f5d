// Regenerates l10n/bundle.l10n.json from the editor's vscode.l10n.t(...) messages and reports what each
// translation (l10n/bundle.l10n.<lang>.json, package.nls.<lang>.json) is missing or keeps after it went stale.
// Usage: npm run l10n            (writes the English bundle)
//        npm run l10n -- --check (writes nothing; fails when the bundle or a translation is out of date)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleOf, extractMessages, placeholders } from './l10n/extract';

const root = path.resolve(__dirname, '..', '..');
const check = process.argv.includes('--check');
const readJson = (f: string): Record<string, string> => JSON.parse(fs.readFileSync(f, 'utf8')) as Record<string, string>;
const problems: string[] = [];

const { messages, problems: extractProblems } = extractMessages(root);
problems.push(...extractProblems);
const bundleFile = path.join(root, 'l10n', 'bundle.l10n.json');
const bundle = bundleOf(messages.keys());
const text = JSON.stringify(bundle, null, 2) + '\n';
const current = fs.existsSync(bundleFile) ? fs.readFileSync(bundleFile, 'utf8') : '';
if (current !== text) {
  if (check) {
    const old = current ? readJson(bundleFile) : {};
    for (const k of Object.keys(bundle)) if (!(k in old)) problems.push(`l10n/bundle.l10n.json misses "${k}" (run npm run l10n)`);
    for (const k of Object.keys(old)) if (!(k in bundle)) problems.push(`l10n/bundle.l10n.json keeps "${k}", which the editor no longer uses (run npm run l10n)`);
    if (!problems.length) problems.push('l10n/bundle.l10n.json is not in its generated form (run npm run l10n)');
  } else {
    fs.mkdirSync(path.dirname(bundleFile), { recursive: true });
    fs.writeFileSync(bundleFile, text);
    console.log(`l10n/bundle.l10n.json: ${Object.keys(bundle).length} messages`);
  }
}

/** A translation covers every key of its English source, keeps the placeholders, and has no stale keys. */
function compare(englishFile: string, pattern: RegExp, english: Record<string, string>): void {
  const dir = path.dirname(englishFile);
  for (const name of fs.readdirSync(dir).filter((n) => pattern.test(n)).sort()) {
    const rel = path.relative(root, path.join(dir, name));
    const tr = readJson(path.join(dir, name));
    for (const [k, v] of Object.entries(english)) {
      if (!(k in tr)) problems.push(`${rel} misses "${k}"`);
      else if (placeholders(v).join() !== placeholders(tr[k]).join()) problems.push(`${rel}: "${k}" has placeholders ${placeholders(tr[k]).join(' ') || 'none'}, expected ${placeholders(v).join(' ') || 'none'}`);
    }
    for (const k of Object.keys(tr)) if (!(k in english)) problems.push(`${rel} keeps "${k}", which is no longer in ${path.relative(root, englishFile)}`);
  }
}
compare(bundleFile, /^bundle\.l10n\.[a-z-]+\.json$/, bundle);
const nlsFile = path.join(root, 'package.nls.json');
compare(nlsFile, /^package\.nls\.[a-z-]+\.json$/, readJson(nlsFile));

// Every %key% in package.json has an English text.
const nls = readJson(nlsFile);
for (const m of fs.readFileSync(path.join(root, 'package.json'), 'utf8').matchAll(/"%([^%"]+)%"/g)) {
  if (!(m[1] in nls)) problems.push(`package.json uses %${m[1]}%, which package.nls.json does not define`);
}

for (const p of problems) console.error(p);
if (problems.length) process.exit(1);
if (check) console.log(`l10n: ${Object.keys(bundle).length} runtime messages and ${Object.keys(nls).length} manifest strings, translations complete`);
