// ai-policy scan: finds secrets and personal data in files and folders (respecting .gitignore).
// Exit 1 when something is found, 0 when not, 2 on error (including a path that could not be read).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { DataHandling } from '../../core/policy/types';
import type { FileScan } from '../../core/scan/scanner';

const HELP = `ai-policy scan [--policy FILE] [--format text|json|sarif] [--gitleaks-config FILE] [--max-file-size MB] PATH...

Scans files and folders for secrets and personal data. Folders are walked respecting .gitignore,
skipping .git and node_modules; links to files inside a folder are scanned once, links leading out
of it are not followed. A folder or file that cannot be read is reported on stderr and the scan goes on.
UTF-8 and UTF-16 (with a byte-order mark) files are scanned; other binary files by their names only.

Exit status: 1 when something is found (even if some paths could not be read); otherwise 2 when a path
could not be read or on any other error; 0 when everything was read and nothing was found.
A line containing "ai-policy:allow" (optionally followed by rule ids) is not reported.
Without --policy, the organization's managed policy source is used when it is a local file.`;

export async function run(args: string[]): Promise<number> {
  let opts;
  try {
    opts = parseArgs({
      args,
      allowPositionals: true,
      options: {
        policy: { type: 'string' },
        format: { type: 'string', default: 'text' },
        'gitleaks-config': { type: 'string' },
        'max-file-size': { type: 'string', default: '5' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return fail(`${(e as Error).message}\n\n${HELP}`);
  }
  const { values, positionals } = opts;
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return 0;
  }
  const format = values.format ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) return fail(`unknown format "${format}" (text, json or sarif)`);
  if (!positionals.length) return fail(`no PATH given\n\n${HELP}`);
  const maxMb = Number(values['max-file-size']);
  if (!(maxMb > 0)) return fail(`--max-file-size must be a positive number of MB`);

  let dataHandling: DataHandling | undefined;
  let policyFile = values.policy;
  if (!policyFile) {
    // Without --policy, the organization's managed policy source (when it is a local file) decides the data rules.
    const managed = (await import('./managedSource')).managedPolicyFile();
    if (typeof managed === 'object') process.stderr.write(`ai-policy scan: note: ${managed.error}; scanning with the built-in rules\n`);
    else policyFile = managed;
  }
  if (policyFile) {
    const { loadPolicyFile } = await import('./policyFile');
    const loaded = await loadPolicyFile(policyFile);
    if ('error' in loaded) return fail(loaded.error, false);
    dataHandling = loaded.policy.dataHandling;
  }

  const { Scanner } = await import('../../core/scan/scanner');
  // The organization's custom rules: the same loader as the editor and the agent hook. A config that cannot be
  // used is reported, the scan goes on with the other rules, and the exit code says the scan was incomplete.
  const { loadCustomRules } = await import('../../core/scan/customRules');
  const custom = await loadCustomRules(dataHandling, policyFile ? path.resolve(policyFile) : undefined, values['gitleaks-config']);
  for (const p of custom.problems) process.stderr.write(/: error: /.test(p) ? `${p}\n` : `ai-policy scan: note: ${p}\n`);
  const rulesBroken = custom.problems.some((p) => /: error: /.test(p));
  const gitleaks = custom.gitleaks;
  const scanner = new Scanner({ dataHandling, gitleaks });
  for (const p of scanner.problems) process.stderr.write(`ai-policy scan: warning: rule ${p.ruleId}: ${p.message}\n`);

  const files: FileScan[] = [];
  const { collect } = await import('./scanWalk');
  const unreadable = collect(positionals, scanner, maxMb * 1024 * 1024, files);

  const { report } = await import('./scanReport');
  const code = files.some((f) => f.findings.length) ? 1 : unreadable || rulesBroken ? 2 : 0;
  // A reader that stops early (`| head`) is not an error of the scan: exit with its result, without a trace.
  process.stdout.once('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? code : 2));
  process.stdout.write(report(files, format, pathToFileURL(process.cwd()).href + '/'));
  return code;
}

function fail(message: string, prefix = true): number {
  process.stderr.write(prefix ? `ai-policy scan: ${message}\n` : `${message}\n`);
  return 2;
}
