// ai-policy hooks install|uninstall|status: puts the policy hook into each agent's own hook configuration,
// merged with the hooks already there (a backup of the file first), and takes it out again.
import { existsSync, promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseJsonc } from '../../core/tools/jsonc';
import { hasPolicyHooks, hookCommand, hookConfigPath, withPolicyHooks, type Scope } from '../../core/hooks/harnesses';
import { HARNESSES, isHarness, type Harness } from '../../core/hooks/request';
import { parseCommandArgs } from './commandArgs';

const HELP = `Usage: ai-policy hooks install|uninstall|status [--harness ${HARNESSES.join('|')}|all]
                      [--scope user|project] [--project DIR] [--runtime PATH] [--hook-script FILE]

install     adds "ai-policy hook" to the agent's hook configuration, keeping its other hooks
            (idempotent; the file's previous content is kept as FILE.bak)
uninstall   removes it again, keeping everything else
status      shows, per agent and scope, whether the hook is installed

--scope     user (default: your home folder's agent settings) or project (--project DIR, default .)
--runtime   the program that runs the hook script (default: this Node); with the editor's own
            runtime (Electron) the hook runs with ELECTRON_RUN_AS_NODE=1, so no Node is needed
--hook-script  the hook bundle (default: hook.js beside this command)`;

type Json = Record<string, unknown>;

async function readConfig(file: string): Promise<{ config: Json; text?: string } | { error: string }> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { config: {} };
    return { error: `${file}: ${(e as Error).message}` };
  }
  if (!text.trim()) return { config: {}, text };
  let value: unknown;
  try {
    value = parseJsonc(text);
  } catch (e) {
    return { error: `${file}:${(e as Error).message}; the file was left unchanged` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: `${file}:1:1: expected a JSON object; the file was left unchanged` };
  return { config: value as Json, text };
}

async function writeConfig(file: string, before: string | undefined, config: Json): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  if (before !== undefined) await fs.writeFile(`${file}.bak`, before);
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(config, null, 2) + '\n');
  await fs.rename(tmp, file);
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('hooks', HELP, {
    args,
    allowPositionals: true,
    options: {
      harness: { type: 'string', default: 'all' },
      scope: { type: 'string', default: 'user' },
      project: { type: 'string', default: '.' },
      runtime: { type: 'string' },
      'hook-script': { type: 'string' },
      home: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const [action] = parsed.positionals;
  if (action !== 'install' && action !== 'uninstall' && action !== 'status') {
    process.stderr.write(`ai-policy hooks: say install, uninstall or status\n${HELP}\n`);
    return 2;
  }
  const v = parsed.values;
  const harnesses: Harness[] = v.harness === 'all' ? [...HARNESSES] : isHarness(v.harness) ? [v.harness] : [];
  if (!harnesses.length) {
    process.stderr.write(`ai-policy hooks: --harness must be one of ${HARNESSES.join(', ')} or all\n`);
    return 2;
  }
  if (v.scope !== 'user' && v.scope !== 'project') {
    process.stderr.write('ai-policy hooks: --scope must be user or project\n');
    return 2;
  }
  const scope: Scope = v.scope;
  const home = v.home ?? os.homedir();
  const project = path.resolve(v.project);
  const script = path.resolve(v['hook-script'] ?? path.join(__dirname, 'hook.js'));
  const runtime = v.runtime ?? process.execPath;
  const electron = v.runtime ? /electron|code|cursor|windsurf/i.test(path.basename(runtime)) && !/node(\.exe)?$/i.test(runtime) : Boolean(process.versions.electron);
  if (action === 'install' && !existsSync(script)) {
    process.stderr.write(`ai-policy hooks: the hook script ${script} does not exist (pass --hook-script)\n`);
    return 1;
  }
  let failures = 0;
  for (const harness of harnesses) {
    const file = hookConfigPath(harness, scope, home, project);
    if (!file) continue;
    const read = await readConfig(file);
    if ('error' in read) {
      process.stderr.write(`ai-policy hooks: ${read.error}\n`);
      failures++;
      continue;
    }
    if (action === 'status') {
      process.stdout.write(`${harness.padEnd(8)} ${scope.padEnd(8)} ${hasPolicyHooks(harness, read.config) ? 'installed' : 'not installed'}  ${file}\n`);
      continue;
    }
    const next = withPolicyHooks(harness, read.config, action === 'install' ? hookCommand(harness, runtime, script, electron) : undefined);
    if (JSON.stringify(next) === JSON.stringify(read.config)) {
      process.stdout.write(`${harness}: ${action === 'install' ? 'already installed' : 'not installed'} in ${file}\n`);
      continue;
    }
    if (action === 'uninstall' && read.text === undefined) continue;
    await writeConfig(file, read.text, next);
    process.stdout.write(`${harness}: ${action === 'install' ? 'installed' : 'removed'} in ${file}${read.text !== undefined ? ` (previous content in ${path.basename(file)}.bak)` : ''}\n`);
  }
  return failures ? 1 : 0;
}
