// ai-policy init [--org NAME] [--out FILE]: writes a starter policy that validates as written.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import starterSample from '../../../policy-samples/starter.aipolicy.yaml';
import { organizationError, SAMPLE_ORGANIZATION, starterPolicy } from '../../core/policy/starter';
import { parseCommandArgs } from './commandArgs';

const DEFAULT_OUT = 'policy.aipolicy.yaml';

const HELP = `Usage: ai-policy init [--org NAME] [--out FILE] [--force]

Writes a starter policy: the starter sample (one approved assistant for code, no personal data,
customer data or secrets to any AI tool, disclosure trailer, AI literacy training, annual review)
with your organization's name and today's dates. It validates as written; replace the example
people and addresses, then run "ai-policy validate FILE".

  --org NAME   organization name (default "${SAMPLE_ORGANIZATION}")
  --out FILE   where to write it (default ${DEFAULT_OUT}; "-" writes to standard output)
  --force      replace FILE if it exists
Exit code: 0 written, 1 FILE exists, 2 usage error.`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('init', HELP, {
    args,
    options: { org: { type: 'string' }, out: { type: 'string', short: 'o' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (typeof parsed === 'number') return parsed;
  const organization = parsed.values.org ?? SAMPLE_ORGANIZATION;
  const problem = organizationError(organization);
  if (problem) {
    process.stderr.write(`ai-policy init: --org: ${problem}\n`);
    return 2;
  }
  const text = starterPolicy(starterSample, { organization, now: new Date() });
  const out = parsed.values.out ?? DEFAULT_OUT;
  if (out === '-') {
    process.stdout.write(text);
    return 0;
  }
  if (existsSync(out) && !parsed.values.force) {
    process.stderr.write(`ai-policy init: ${out} exists (use --force to replace it)\n`);
    return 1;
  }
  await writeFile(out, text);
  process.stdout.write(
    `${out} written: starter policy for ${organization.trim()}, version 1.\n` +
      `Next: replace the example people and addresses (owner, contact, tool owners, training URL),\n` +
      `then "ai-policy validate ${out}"; see docs/policy.md for every section.\n`,
  );
  return 0;
}
