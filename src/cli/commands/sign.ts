// ai-policy sign --key PRIVATE.pem FILE: validates FILE as `validate` does, then writes FILE.sig (Ed25519,
// base64, over the exact bytes). An invalid policy is never signed: editors would refuse it anyway.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { DEFAULT_MAX_BYTES, formatProblem, keyKind, signPolicy, validatePolicyText } from '../../core/policy';
import { parseCommandArgs } from './commandArgs';
import { readInput } from './inputFile';

const HELP = `Usage: ai-policy sign --key PRIVATE.pem FILE

Checks FILE as "ai-policy validate" does (problems as file:line:col: error|warning: message)
and refuses an invalid policy; then writes FILE.sig: a base64 Ed25519 signature over the exact
bytes of FILE. The key is the private key, PEM PKCS#8 (keys/policy-signing.key from "ai-policy keygen").`;

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
  if (data === undefined) return 1;
  if (data.length > DEFAULT_MAX_BYTES) {
    process.stderr.write(`${file}: error: ${data.length} bytes is more than the ${DEFAULT_MAX_BYTES} bytes a policy may have (the extension refuses it)\nai-policy sign: nothing was signed\n`);
    return 1;
  }
  const checked = validatePolicyText(data.toString('utf8').replace(/^\uFEFF/, ''), { file, placeholders: true });
  for (const p of checked.problems) process.stderr.write(formatProblem(p, file) + '\n');
  if (!checked.policy) {
    process.stderr.write(`ai-policy sign: ${file} is not a valid policy; nothing was signed\n`);
    return 1;
  }
  const keyText = await readInput(key, 'sign', 'utf8');
  if (keyText === undefined) return 1;
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
