// ai-policy inventory: a census of installed editor extensions, classified as AI tools against the policy.
import { classifyExtension } from '../../core/tools/classify';
import { defaultExtensionDirs, readInstalled } from '../../core/tools/census';
import type { Policy } from '../../core/policy/types';
import { parseCommandArgs } from './commandArgs';
import { loadPolicyFile } from './policyFile';

const HELP = `Usage: ai-policy inventory [--policy FILE] [--extensions-dir DIR]... [--format text|json] [--ai-only]

Reads the package.json of every extension in the given extension folders (default: the user's folders of
VS Code, VS Code Insiders, the VS Code server, VSCodium, Cursor and Windsurf, where present) and classifies
each: is it an AI tool, what kind, and its status under the policy (approved, restricted, prohibited,
unlisted, or not-ai). Without --policy every AI tool is unlisted. Workspace and repository conditions cannot
be checked here, so tools approved only under such conditions show as restricted.
JSON: {"tools":[{"id","version","ai","kind","status","reasons"}]}
Exit code: 0 done, 1 prohibited tools found, 2 usage or read error.`;

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('inventory', HELP, {
    args,
    options: {
      policy: { type: 'string' },
      'extensions-dir': { type: 'string', multiple: true },
      format: { type: 'string', default: 'text' },
      'ai-only': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  if (values.format !== 'text' && values.format !== 'json') {
    process.stderr.write(`ai-policy inventory: --format must be text or json\n`);
    return 2;
  }
  let policy: Policy | undefined;
  if (values.policy) {
    const loaded = await loadPolicyFile(values.policy);
    if ('error' in loaded) {
      process.stderr.write(loaded.error + '\n');
      return 2;
    }
    policy = loaded.policy;
  }
  const explicit = values['extensions-dir'];
  const census = await readInstalled(explicit?.length ? explicit : defaultExtensionDirs(), { skipMissing: !explicit?.length });
  for (const p of census.problems) process.stderr.write(`ai-policy inventory: ${p}\n`);
  if (explicit?.length && census.dirs.length === 0) return 2;
  let tools = census.extensions.map((e) => classifyExtension(e.manifest, policy, {}));
  if (values['ai-only']) tools = tools.filter((t) => t.ai);
  if (values.format === 'json') {
    const out = tools.map((t) => ({ id: t.id, name: t.name, version: t.version ?? null, ai: t.ai, kind: t.kind, status: t.status, owner: t.owner ?? null, reasons: t.reasons }));
    process.stdout.write(JSON.stringify({ tools: out, folders: census.dirs }, null, 2) + '\n');
  } else {
    if (!census.dirs.length) process.stdout.write('No extension folders found.\n');
    for (const t of tools) {
      process.stdout.write(`${t.status.padEnd(10)} ${t.kind.padEnd(12)} ${t.id}@${t.version ?? '?'}\n`);
      if (t.ai) for (const r of t.reasons) process.stdout.write(`           - ${r}\n`);
    }
    const ai = tools.filter((t) => t.ai);
    const count = (s: string) => ai.filter((t) => t.status === s).length;
    process.stdout.write(
      `\n${tools.length} extensions, ${ai.length} AI: ${count('approved')} approved, ${count('restricted')} restricted, ${count('prohibited')} prohibited, ${count('unlisted')} unlisted\n`,
    );
  }
  return tools.some((t) => t.status === 'prohibited') ? 1 : 0;
}
