// The demo workspace: a copy of demo/workspace with generated sample secrets and customer records, made a
// Git repository with one commit (so the disclosure trailer can be tried in the commit box).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fillTemplate } from './sampleData';

/** Creates the workspace at `target` from `templateDir`, unless a demo workspace (a Git repository) is there. */
export function ensureDemoWorkspace(templateDir: string, target: string): { created: boolean } {
  if (fs.existsSync(path.join(target, '.git'))) return { created: false };
  // A folder from an earlier demo without Git (or a broken attempt) is replaced.
  fs.rmSync(target, { recursive: true, force: true });
  const partial = `${target}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.cpSync(templateDir, partial, { recursive: true });
  for (const file of walk(partial)) {
    const text = fs.readFileSync(file, 'utf8');
    if (text.includes('{{generated:')) fs.writeFileSync(file, fillTemplate(text));
  }
  fs.writeFileSync(path.join(partial, '.gitignore'), '.env\nnode_modules/\n');
  const git = (...args: string[]): void => {
    // The commit author is set for this commit only; the developer's own Git identity applies afterwards.
    execFileSync('git', ['-c', 'user.name=Payments Team', '-c', 'user.email=payments-team@acme.example', '-c', 'commit.gpgsign=false', ...args], { cwd: partial, stdio: 'ignore' });
  };
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'Payments service: deploy status reporting and customer export');
  fs.renameSync(partial, target);
  return { created: true };
}

function* walk(dir: string): Iterable<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}
