// A deterministic corpus of ordinary source files (copied from installed packages) with a few planted secrets.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Package folders (under node_modules) and the file endings taken from each, in sorted order. */
const SOURCES: [string, RegExp][] = [
  ['typescript/lib', /^(?:_tsc\.js|lib\.[\w.]+\.d\.ts)$/],
  ['yaml/dist', /\.js$/],
  ['minimatch/dist/commonjs', /\.js$/],
  ['ajv/dist', /\.js$/],
  ['smol-toml/dist', /\.js$/],
  ['ignore', /^index\.js$/],
  ['mocha/lib', /\.js$/],
];

function list(dir: string, re: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...list(full, re));
    else if (re.test(e.name)) out.push(full);
  }
  return out;
}

/** Secrets assembled from parts at run time, in formats the detector must find. */
export function plantedSecrets(): string {
  const gh = ['gh', 'p_', 'R8sT2kLm9QwErTy7UiOp3AsDfGh5JkLz1XcV'].join('');
  const aws = ['AK', 'IA', 'QYLPMN5HHHFPZAM2'].join('');
  const slack = ['xo', 'xb-', '263594206564-', '2343594206574-', 'FGqddMF8t08v8N7Oq4i57vs1'].join('');
  const stripe = ['sk', '_live_', '51OuEMLAlTWGaDypq4P5cuDHbuKeG4tAGPYHJ'].join('');
  return [
    `const githubToken = "${gh}";`,
    `aws_access_key_id = ${aws}`,
    `SLACK_BOT_TOKEN=${slack}`,
    `stripe.apiKey = '${stripe}';`,
    `-----BEGIN ${'RSA PRIVATE'} KEY-----`,
    ...Array.from({ length: 4 }, (_, i) => `MIIEpAIBAAKCAQEA${'x7Kq9Lm2Np4Rt6Vw8Yz0Ab1Cd3Ef5Gh7Ij9Kl1Mn3Op5Qr7St9Uv'.slice(i)}`),
    `-----END ${'RSA PRIVATE'} KEY-----`,
    '',
  ].join('\n');
}

/** Copies the fixed set into `dir` (flattened names) and returns the number of bytes of ordinary code. */
export function buildCorpus(repoRoot: string, dir: string): { files: number; bytes: number } {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  let files = 0;
  for (const [rel, re] of SOURCES) {
    const base = path.join(repoRoot, 'node_modules', rel);
    for (const f of list(base, re)) {
      const name = `${rel}/${path.relative(base, f)}`.replace(/[/\\]/g, '__');
      fs.copyFileSync(f, path.join(dir, name));
      bytes += fs.statSync(f).size;
      files++;
    }
  }
  fs.writeFileSync(path.join(dir, 'planted-config.js'), plantedSecrets());
  return { files, bytes };
}

/** Whole package folders (under node_modules) and this repository's own folders copied into the real-shaped tree. */
const REAL_PACKAGES = ['yaml', 'minimatch', 'smol-toml', 'jsonc-parser', 'csv-parse', 'pg', 'pg-protocol', 'ignore', 'canonicalize', 'ajv-formats'];
const REAL_OWN = ['src', 'test', 'docs', 'scripts', 'schema', 'policy-samples', 'l10n', 'media'];

function copyAll(from: string, to: string, sizes: number[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(from, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const src = path.join(from, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules') copyAll(src, path.join(to, e.name), sizes);
    } else if (e.isFile()) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(src, path.join(to, e.name));
      sizes.push(fs.statSync(src).size);
    }
  }
}

/**
 * A tree shaped like a real repository: every file, whatever its size, of a set of whole installed packages (under
 * `packages/`, as in a monorepo) and of this repository's own source, tests and documentation, nested as they are,
 * plus the planted secrets. Most files are small, as in a real repository.
 */
export function buildRealTree(repoRoot: string, dir: string): { files: number; bytes: number; median: number } {
  fs.rmSync(dir, { recursive: true, force: true });
  const sizes: number[] = [];
  for (const p of REAL_PACKAGES) copyAll(path.join(repoRoot, 'node_modules', p), path.join(dir, 'packages', p), sizes);
  for (const d of REAL_OWN) copyAll(path.join(repoRoot, d), path.join(dir, 'app', d), sizes);
  fs.writeFileSync(path.join(dir, 'app', 'planted-config.js'), plantedSecrets());
  sizes.sort((a, b) => a - b);
  const median = sizes.length ? (sizes.length % 2 ? sizes[(sizes.length - 1) / 2] : (sizes[sizes.length / 2 - 1] + sizes[sizes.length / 2]) / 2) : 0;
  return { files: sizes.length, bytes: sizes.reduce((a, b) => a + b, 0), median };
}
