// ai-policy keygen --out DIR: writes an Ed25519 key pair (policy-signing.key PKCS#8, policy-signing.pub SPKI).
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { generateSigningKeys } from '../../core/policy';
import { parseCommandArgs } from './commandArgs';

const HELP = `Usage: ai-policy keygen --out DIR [--force]

Writes DIR/policy-signing.key (private, PEM PKCS#8, mode 600) and DIR/policy-signing.pub
(public, PEM SPKI: paste it into the aiPolicy.publicKey setting).`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('keygen', HELP, { args, options: { out: { type: 'string', short: 'o' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
  if (typeof parsed === 'number') return parsed;
  const out = parsed.values.out;
  if (!out) {
    process.stderr.write(`ai-policy keygen: need --out DIR\n${HELP}\n`);
    return 2;
  }
  const priv = path.join(out, 'policy-signing.key');
  const pub = path.join(out, 'policy-signing.pub');
  if (!parsed.values.force && (existsSync(priv) || existsSync(pub))) {
    process.stderr.write(`ai-policy keygen: ${priv} or ${pub} exists (use --force to replace)\n`);
    return 1;
  }
  const keys = generateSigningKeys();
  await mkdir(out, { recursive: true });
  await writeFile(priv, keys.privateKeyPem, { mode: 0o600 });
  await writeFile(pub, keys.publicKeyPem);
  process.stdout.write(`${priv}\n${pub}\n`);
  return 0;
}
