// Recall and false-positive share per family on labelled samples (base64 JSON Lines).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Scanner } from '../../src/core/scan';

interface Sample {
  rule: string;
  label: 'tp' | 'fp';
  text: string;
  path?: string;
}

export interface FamilyScore {
  family: string;
  tp: number;
  found: number;
  fp: number;
  flagged: number;
}

export function loadSamples(dir: string): Sample[] {
  const out: Sample[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.jsonl.b64'))) {
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (line.trim()) out.push(JSON.parse(Buffer.from(line, 'base64').toString('utf8')) as Sample);
    }
  }
  return out;
}

/**
 * A tp counts as found when anything is reported for it; an fp counts as flagged when anything is.
 * An fp sample whose exact text is a tp of another family (e.g. a global key listed as a non-match of
 * the scoped-token family) is left out of the fp share: flagging it is right. So is one that every finding
 * names as another family of the samples (an Anthropic admin key listed as a non-match of the API-key family
 * and reported as `anthropic-admin-api-key`): the detector told the two formats apart.
 */
export function evaluate(scanner: Scanner, samples: Sample[]): { families: FamilyScore[]; crossLabelled: number; misses: Sample[]; flags: Sample[]; negatives: { sample: Sample; flagged: boolean }[] } {
  const negatives: { sample: Sample; flagged: boolean }[] = [];
  const tpTexts = new Set(samples.filter((s) => s.label === 'tp').map((s) => s.text));
  const tpFamilies = new Set(samples.filter((s) => s.label === 'tp').map((s) => s.rule));
  const by = new Map<string, FamilyScore>();
  const misses: Sample[] = [];
  const flags: Sample[] = [];
  let crossLabelled = 0;
  for (const s of samples) {
    if (s.label === 'fp' && tpTexts.has(s.text)) {
      crossLabelled++;
      continue;
    }
    // Secret samples are judged on secret findings, personal-data samples on personal-data findings.
    const cls = /^[A-Z_]+$/.test(s.rule) ? 'pii' : 'secret';
    const found = scanner.scanText(s.text, s.path ?? 'sample.txt').findings.filter((x) => x.dataClass === cls);
    const hit = found.length > 0;
    if (s.label === 'fp' && hit && found.every((x) => x.ruleId !== s.rule && tpFamilies.has(x.ruleId))) {
      crossLabelled++;
      continue;
    }
    const f = by.get(s.rule) ?? { family: s.rule, tp: 0, found: 0, fp: 0, flagged: 0 };
    by.set(s.rule, f);
    if (s.label === 'tp') {
      f.tp++;
      if (hit) f.found++;
      else misses.push(s);
    } else {
      negatives.push({ sample: s, flagged: hit });
      f.fp++;
      if (hit) {
        f.flagged++;
        flags.push(s);
      }
    }
  }
  return { families: [...by.values()].sort((a, b) => a.family.localeCompare(b.family)), crossLabelled, misses, flags, negatives };
}

/**
 * Why a negative sample is not a credential (or not personal data), judged from its text: a template reference, a
 * placeholder, a check digit or checksum that fails (personal data), a key in its real format that the set lists by
 * value because its vendor publishes it, or, for everything else, a value close to a real format but not in it
 * (length, alphabet, prefix) or another family's format.
 */
/** Eight ascending characters in a row (`klmnopqr`, `12345678`): typed, not random. */
function typedAlphabet(t: string): boolean {
  for (let i = 0, run = 1; i < t.length; i++) {
    run = i && t.charCodeAt(i) === t.charCodeAt(i - 1) + 1 ? run + 1 : 1;
    if (run >= 8) return true;
  }
  return false;
}

const NEGATIVE_CLASSES: [string, (s: Sample) => boolean][] = [
  ['template or variable reference (${VAR}, {{var}}, %VAR%, $VAR, <value>)', (s) => /\$\{|\{\{|%[A-Z_]+%|\$[A-Z_]{3,}|<[\w -]+>/.test(s.text)],
  ['placeholder (xxxx, EXAMPLE, your-…, a repeated character, a typed alphabet)', (s) => /x{6,}|X{6,}|\*{4,}|example|sample|dummy|placeholder|redacted|your[_-]|changeme|(.)\1{7,}/i.test(s.text) || typedAlphabet(s.text)],
  ['personal-data look-alike (failed check digit, reserved range)', (s) => /^[A-Z_]+$/.test(s.rule)],
  // A whole, well-formed Google API key with nothing around it: the set lists it as a negative by its value, as a key
  // published in the vendor's own SDK tests (src/core/scan/publicByDesign.ts lists those found at that source).
  ['a key its vendor publishes, listed by value (Firebase SDK test keys)', (s) => /^AIzaSy[\w-]{33}$/.test(s.text)],
  ['near miss or another format (length, alphabet, prefix, context)', () => true],
];

export function negativeClasses(negatives: { sample: Sample; flagged: boolean }[]): { name: string; total: number; flagged: number }[] {
  const out = NEGATIVE_CLASSES.map(([name]) => ({ name, total: 0, flagged: 0 }));
  for (const n of negatives) {
    const i = NEGATIVE_CLASSES.findIndex(([, test]) => test(n.sample));
    out[i].total++;
    if (n.flagged) out[i].flagged++;
  }
  return out;
}
