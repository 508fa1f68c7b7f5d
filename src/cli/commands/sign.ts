// ai-policy sign --key PRIVATE.pem FILE: writes FILE.sig (Ed25519, base64, over the exact bytes).
import { readFile, writeFile } from 'node:fs/promises';
import { signPolicy } from '../../core/policy';
import { parseCommandArgs } from './commandArgs';

const HELP = `Usage: ai-policy sign --key PRIVATE.pem FILE

Writes FILE.sig: a base64 Ed25519 signature over the exact bytes of FILE.
The key is PEM PKCS#8 (see "ai-policy keygen").`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('sign', HELP, { args, allowPositionals: true, options: { key: { type: 'string', short: 'k' }, help: { type: 'boolean', short: 'h' } } });
  if (typeof parsed === 'number') return parsed;
  const key = parsed.values.key;
  if (!key || parsed.positionals.length !== 1) {
    process.stderr.write(`ai-policy sign: need --key and exactly one FILE\n${HELP}\n`);
    return 2;
  }
  const file = parsed.positionals[0];
  try {
    const signature = signPolicy(await readFile(file), await readFile(key, 'utf8'));
    await writeFile(`${file}.sig`, signature + '\n');
    process.stdout.write(`${file}.sig written\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`ai-policy sign: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
