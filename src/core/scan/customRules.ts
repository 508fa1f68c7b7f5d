// The organization's custom detection rules beyond the policy's own `dataHandling.rules`: the gitleaks-format
// config the policy names. One loader for the editor, the CLI and the hook, with one behaviour: a config that
// cannot be read or parsed is reported as a problem (with file:line:col), and scanning goes on with the
// built-in rules and the policy's own rules; each front end shows the problem in its own channel (the editor's
// log, the CLI's stderr and exit code 2, the hook's stderr and agent.hookError).
import { promises as fs } from 'node:fs';
import path = require('node:path');
import type { DataHandling } from '../policy/types';
import { loadGitleaksConfig, type GitleaksConfig } from './gitleaks';

export interface CustomRules {
  gitleaks?: GitleaksConfig;
  /** The config file read, when one was. */
  file?: string;
  /** Why the custom rules are not (all) applied. */
  problems: string[];
}

const isUrl = (s: string) => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) && !s.startsWith('file://');

/**
 * Loads the gitleaks config named by a policy. `source` is where the policy came from (a file path or URL):
 * a relative reference is read next to a local policy; a remote policy or a remote reference is not read
 * (pass the file explicitly, e.g. `ai-policy scan --gitleaks-config FILE`), and says so.
 */
export async function loadCustomRules(dataHandling: DataHandling | undefined, source: string | undefined, explicitFile?: string): Promise<CustomRules> {
  const ref = dataHandling?.gitleaksConfig;
  let file = explicitFile;
  if (!file && ref) {
    if (isUrl(ref)) return { problems: [`gitleaks config ${ref} is remote and is not read; pass the file with --gitleaks-config`] };
    if (!source || isUrl(source)) return { problems: [`gitleaks config ${ref} is relative to a policy that is not a local file (${source ?? 'unknown source'}) and is not read`] };
    const local = source.startsWith('file://') ? new URL(source).pathname : source;
    file = path.resolve(path.dirname(local), ref);
  }
  if (!file) return { problems: [] };
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    return { file, problems: [`${file}: error: cannot read the gitleaks config: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`] };
  }
  try {
    const gitleaks = loadGitleaksConfig(text);
    // Problems of single rules travel with the config (Scanner.problems), as the policy's own rules' do.
    return { gitleaks, file, problems: [] };
  } catch (e) {
    const err = e as Error & { line?: number; col?: number };
    return { file, problems: [`${file}${err.line ? `:${err.line}:${err.col ?? 1}` : ''}: error: ${err.message}`] };
  }
}
