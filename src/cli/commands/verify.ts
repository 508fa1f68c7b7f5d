// ai-policy verify --pubkey PUBLIC.pem FILE: exit 0 when FILE.sig is a valid signature of FILE, else 1.
import { existsSync } from 'node:fs';
import { keyKind, pemBlocks, verifyPolicy } from '../../core/policy';
import { parseCommandArgs } from './commandArgs';
import { readInput } from './inputFile';

const HELP = `Usage: ai-policy verify --pubkey PUBLIC.pem [--sig FILE.sig] FILE

Checks the Ed25519 signature in FILE.sig (base64) against the public key (PEM SPKI). The key file may
hold several public keys one after another (during a key rotation): a signature by any of them holds.
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
  const data = await readInput(file, 'verify');
  const keyText = await readInput(pubkey, 'verify', 'utf8');
  if (data === undefined || keyText === undefined) return 1;
  if (keyKind(keyText) === 'private') {
    process.stderr.write(`ai-policy verify: ${pubkey} is a private key; verify needs the public key (e.g. keys/policy-signing.pub). Keep the private key where policies are signed.\n`);
    return 1;
  }
  const sigFile = parsed.values.sig ?? `${file}.sig`;
  if (!existsSync(sigFile)) {
    process.stderr.write(`${file}: not signed (no ${sigFile})\n`);
    return 1;
  }
  const signature = await readInput(sigFile, 'verify', 'utf8');
  if (signature === undefined) return 1;
  try {
    const ok = verifyPolicy(data, signature, keyText);
    const keys = pemBlocks(keyText).length;
    const against = keys > 1 ? ` (checked against ${keys} public keys)` : '';
    process[ok ? 'stdout' : 'stderr'].write(ok ? `${file}: signature valid${against}\n` : `${file}: signature INVALID${against}\n`);
    return ok ? 0 : 1;
  } catch (e) {
    process.stderr.write(`ai-policy verify: ${pubkey}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
