// ai-policy validate FILE...: schema plus lint, problems as `file:line:col: error|warning: message`.
import { formatProblem, validatePolicyText } from '../../core/policy';
import { parseCommandArgs } from './commandArgs';
import { readPolicyText } from './policyFile';

const HELP = `Usage: ai-policy validate [--quiet] FILE...

Checks each policy against the schema and the lint rules (owners, data classes, globs,
regexes, review dates, expiry), and warns at owners and contacts still at the template's
example.com addresses. Prints file:line:col: error|warning: message.
Exit code: 0 all valid (warnings allowed), 1 any invalid, 2 usage error.`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('validate', HELP, { args, allowPositionals: true, options: { quiet: { type: 'boolean', short: 'q' }, help: { type: 'boolean', short: 'h' } } });
  if (typeof parsed === 'number') return parsed;
  if (!parsed.positionals.length) {
    process.stderr.write(`ai-policy validate: no file given\n${HELP}\n`);
    return 2;
  }
  let invalid = 0;
  for (const file of parsed.positionals) {
    const read = await readPolicyText(file);
    if ('error' in read) {
      process.stderr.write(read.error + '\n');
      invalid++;
      continue;
    }
    const result = validatePolicyText(read.text, { file, placeholders: true });
    for (const p of result.problems) process.stdout.write(formatProblem(p, file) + '\n');
    if (!result.policy) invalid++;
    else if (!parsed.values.quiet) process.stdout.write(`${file}: ok (${result.policy.organization}, version ${result.policy.version})\n`);
  }
  return invalid ? 1 : 0;
}
