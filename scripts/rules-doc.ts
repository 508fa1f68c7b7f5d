// Writes docs/rules.md from the rule table (`npm run docs:rules`).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rulesMarkdown } from '../src/core/scan/rulesDoc';

const out = path.resolve(__dirname, '..', '..', 'docs', 'rules.md');
fs.writeFileSync(out, rulesMarkdown());
process.stdout.write(`wrote ${out}\n`);
