// ai-policy sign --key PRIVATE.pem FILE: writes FILE.sig (Ed25519, base64, over the exact bytes).
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { keyKind, signPolicy } from '../../core/policy';
import { parseCommandArgs } from './commandArgs';
import { readInput } from './inputFile';

const HELP = `Usage: ai-policy sign --key PRIVATE.pem FILE

Writes FILE.sig: a base64 Ed25519 signature over the exact bytes of FILE.
The key is the private key, PEM PKCS#8 (keys/policy-signing.key from "ai-policy keygen").`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('sign', HELP, { args, allowPositionals: true, options: { key: { type: 'string', short: 'k' }, help: { type: 'boolean', short: 'h' } } });
  if (typeof parsed === 'number') return parsed;
  const key = parsed.values.key;
  if (!key || parsed.positionals.length !== 1) {
    process.stderr.write(`ai-policy sign: need --key and exactly one FILE\n${HELP}\n`);
    return 2;
  }
  const file = parsed.positionals[0];
  const data = await readInput(file, 'sign');
  const keyText = await readInput(key, 'sign', 'utf8');
  if (data === undefined || keyText === undefined) return 1;
  if (keyKind(keyText) === 'public') {
    const sibling = key.replace(/\.pub$/, '.key');
    const example = sibling !== key && existsSync(sibling) ? sibling : 'keys/policy-signing.key';
    process.stderr.write(`ai-policy sign: ${key} is a public key; sign needs the private key, e.g. ${example}\n`);
    return 1;
  }
  try {
    const signature = signPolicy(data, keyText);
    await writeFile(`${file}.sig`, signature + '\n');
    process.stdout.write(`${file}.sig written\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`ai-policy sign: ${key}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
