// ai-policy validate FILE...: schema plus lint, problems as `file:line:col: error|warning: message`.
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { formatProblem, validatePolicyText } from '../../core/policy';

const HELP = `Usage: ai-policy validate [--quiet] FILE...

Checks each policy against the schema and the lint rules (owners, data classes, globs,
regexes, review dates, expiry). Prints file:line:col: error|warning: message.
Exit code: 0 all valid (warnings allowed), 1 any invalid, 2 usage error.`;

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { quiet: { type: 'boolean', short: 'q' }, help: { type: 'boolean', short: 'h' } } });
  } catch (e) {
    process.stderr.write(`ai-policy validate: ${e instanceof Error ? e.message : String(e)}\n${HELP}\n`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  if (!parsed.positionals.length) {
    process.stderr.write(`ai-policy validate: no file given\n${HELP}\n`);
    return 2;
  }
  let invalid = 0;
  for (const file of parsed.positionals) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      process.stderr.write(`${file}: error: cannot read: ${(e as Error).message}\n`);
      invalid++;
      continue;
    }
    const result = validatePolicyText(text.replace(/^\uFEFF/, ''), { file });
    for (const p of result.problems) process.stdout.write(formatProblem(p, file) + '\n');
    if (!result.policy) invalid++;
    else if (!parsed.values.quiet) process.stdout.write(`${file}: ok (${result.policy.organization}, version ${result.policy.version})\n`);
  }
  return invalid ? 1 : 0;
}
