// ai-policy verify --pubkey PUBLIC.pem FILE: exit 0 when FILE.sig is a valid signature of FILE, else 1.
import { readFile } from 'node:fs/promises';
import { verifyPolicy } from '../../core/policy';
import { parseCommandArgs } from './commandArgs';

const HELP = `Usage: ai-policy verify --pubkey PUBLIC.pem [--sig FILE.sig] FILE

Checks the Ed25519 signature in FILE.sig (base64) against the public key (PEM SPKI).
Exit code: 0 valid, 1 missing or invalid, 2 usage error.`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('verify', HELP, {
    args,
    allowPositionals: true,
    options: { pubkey: { type: 'string', short: 'p' }, sig: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (typeof parsed === 'number') return parsed;
  const pubkey = parsed.values.pubkey;
  if (!pubkey || parsed.positionals.length !== 1) {
    process.stderr.write(`ai-policy verify: need --pubkey and exactly one FILE\n${HELP}\n`);
    return 2;
  }
  const file = parsed.positionals[0];
  const sigFile = parsed.values.sig ?? `${file}.sig`;
  let signature: string;
  try {
    signature = await readFile(sigFile, 'utf8');
  } catch {
    process.stderr.write(`${file}: not signed (no ${sigFile})\n`);
    return 1;
  }
  try {
    const ok = verifyPolicy(await readFile(file), signature, await readFile(pubkey, 'utf8'));
    process[ok ? 'stdout' : 'stderr'].write(ok ? `${file}: signature valid\n` : `${file}: signature INVALID\n`);
    return ok ? 0 : 1;
  } catch (e) {
    process.stderr.write(`ai-policy verify: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
