// ai-policy hooks install|uninstall|status: puts the policy hook into each agent's own hook configuration,
// merged with the hooks already there (a backup of the file first), and takes it out again.
import { existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { hookCommand, type Scope } from '../../core/hooks/harnesses';
import { applyHooks, hooksInstalled } from '../../core/hooks/install';
import { HARNESSES, isHarness, type Harness } from '../../core/hooks/request';
import { managedConfigPath, readManagedConfig } from '../../core/managed/managedConfig';
import { entryFolder } from '../../startup/bundleLoader';
import { parseCommandArgs } from './commandArgs';

const HELP = `Usage: ai-policy hooks install|uninstall|status|flush [--harness ${HARNESSES.join('|')}|all]
                      [--scope user|project] [--project DIR] [--runtime PATH] [--hook-script FILE]
                      [--managed-file FILE] [--policy FILE|URL]

install     adds "ai-policy hook" to the agent's hook configuration, keeping its other hooks
            (idempotent; the file's previous content is kept as FILE.bak)
uninstall   removes it again, keeping everything else
status      shows, per agent and scope, whether the hook is installed, the mode the hook runs in
            (enforce, audit or off: the managed configuration's hooksMode, else enforce), and whether
            a call would be judged now, against which policy and version
flush       sends what the hooks recorded (and the daily activity counts) to the managed
            configuration's audit endpoint, without an editor (ai-policy hooks flush --help)

--policy    (install) the policy the hook enforces, recorded in the agent state folder where the hook
            finds it: a local file (read on every call), or an https URL (fetched and validated now;
            the editor or another install refreshes it). Without any policy the hook denies in enforce mode

--scope     user (default: your home folder's agent settings) or project (--project DIR, default .)
--runtime   the program that runs the hook script (default: this Node); with the editor's own
            runtime (Electron) the hook runs with ELECTRON_RUN_AS_NODE=1, so no Node is needed
--hook-script  the hook bundle (default: hook.js beside this command)
--managed-file  read this managed configuration instead of the platform's (status only; to check a draft)`;

export async function run(args: string[]): Promise<number> {
  if (args[0] === 'flush') return (await import('./hooksFlush')).run(args.slice(1));
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
      'managed-file': { type: 'string' },
      policy: { type: 'string' },
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
  const script = path.resolve(v['hook-script'] ?? path.join(entryFolder(__dirname), 'hook.js'));
  const runtime = v.runtime ?? process.execPath;
  const electron = v.runtime ? /electron|code|cursor|windsurf/i.test(path.basename(runtime)) && !/node(\.exe)?$/i.test(runtime) : Boolean(process.versions.electron);
  if (action === 'install' && !existsSync(script)) {
    process.stderr.write(`ai-policy hooks: the hook script ${script} does not exist (pass --hook-script)\n`);
    return 1;
  }
  if (action === 'install' && v.policy) {
    const { recordHookPolicy } = await import('./hookPolicy');
    const recorded = await recordHookPolicy(v.policy);
    if ('error' in recorded) {
      process.stderr.write(`ai-policy hooks: ${recorded.error}\n`);
      return 1;
    }
    process.stdout.write(`policy: ${recorded.summary}\n`);
  }
  let failures = 0;
  for (const harness of harnesses) {
    const target = { harness, scope, home, project };
    if (action === 'status') {
      const { hookConfigPath } = await import('../../core/hooks/harnesses');
      const file = hookConfigPath(harness, scope, home, project);
      process.stdout.write(`${harness.padEnd(8)} ${scope.padEnd(8)} ${(await hooksInstalled(target)) ? 'installed' : 'not installed'}  ${file}\n`);
      continue;
    }
    const out = await applyHooks(target, action === 'install' ? hookCommand(harness, runtime, script, electron) : undefined);
    if (!out) continue;
    if (out.result === 'error') {
      process.stderr.write(`ai-policy hooks: ${out.error}\n`);
      failures++;
    } else if (out.result === 'unchanged') {
      process.stdout.write(`${harness}: ${action === 'install' ? 'already installed' : 'not installed'} in ${out.file}\n`);
    } else {
      process.stdout.write(`${harness}: ${out.result} in ${out.file}${out.backup ? ` (previous content in ${path.basename(out.backup)})` : ''}\n`);
    }
  }
  if (action === 'status') {
    process.stdout.write(`${modeLine(v['managed-file'])}\n`);
    const { judgedLine } = await import('./hookPolicy');
    process.stdout.write(`${await judgedLine(v['managed-file'])}\n`);
  }
  return failures ? 1 : 0;
}

/** The mode the hook runs in on this machine, and where it comes from (as the hook itself reads it). */
function modeLine(file?: string): string {
  const managed = file ?? managedConfigPath();
  const r = readManagedConfig(managed, { checkOwner: file ? false : undefined });
  if (r.error) return `mode: enforce (the managed configuration is unusable, so the hook keeps enforcing: ${r.error})`;
  const mode = r.config?.hooksMode;
  if (mode) return `mode: ${mode} (set by the managed configuration ${managed})`;
  return r.config ? `mode: enforce (default; the managed configuration ${managed} sets no hooksMode)` : `mode: enforce (default; no managed configuration at ${managed})`;
}
