// The commits of a change and their trailers, as Git itself parses them (`%(trailers)`), so the trailer
// rules (last paragraph, folded lines, `Key: value` with any separator Git accepts) are Git's own.
import { childProcess } from '../nodeBuiltins';
import { agentOf, toolsOf } from './agents';

export interface CommitTrailers {
  sha: string;
  trailers: { key: string; value: string }[];
}

export interface CommitDisclosure {
  sha: string;
  /** Tool ids its AI trailers name (empty: the commit discloses no AI assistance). */
  tools: string[];
  /** The trailer keys that disclosed it (`Assisted-by`, `Co-authored-by`...). */
  keys: string[];
}

export function git(cwd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    childProcess().execFile('git', args, { cwd, maxBuffer: 64 * 1024 * 1024, windowsHide: true }, (err, stdout, stderr) => {
      if (err) reject(new Error(`git ${args.join(' ')}: ${String(stderr).trim() || err.message}`));
      else resolve(String(stdout));
    });
  });
}

const RS = '\u001e';
const US = '\u001f';

/** The non-merge commits in `base..head` with their trailers (unfolded), oldest first. */
export async function commitTrailers(cwd: string, base: string, head: string): Promise<CommitTrailers[]> {
  for (const ref of [base, head]) {
    // A shallow CI checkout may lack the base: say so plainly rather than with git's own message alone.
    await git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).catch((e: Error) => {
      throw new Error(`${ref} is not a commit in this repository (in CI, fetch the full history: actions/checkout with fetch-depth: 0, GIT_DEPTH: 0 in GitLab): ${e.message}`);
    });
  }
  const out = await git(cwd, ['log', '--no-merges', '--reverse', `--format=%H${US}%(trailers:unfold,separator=${US})${RS}`, `${base}..${head}`]);
  return out
    .split(RS)
    .map((r) => r.replace(/^\n/, ''))
    .filter((r) => r.trim())
    .map((record) => {
      const [sha, ...lines] = record.split(US);
      const trailers = lines
        .map((l) => /^([A-Za-z0-9][A-Za-z0-9-]*)\s*:\s*(.*)$/.exec(l.trim()))
        .filter((m): m is RegExpExecArray => !!m)
        .map((m) => ({ key: m[1], value: m[2].trim() }));
      return { sha: sha.trim(), trailers };
    });
}

/**
 * What a commit discloses: the policy's trailer key (e.g. `Assisted-by`), `Generated-by`, and any
 * `Co-authored-by` naming a known AI agent (a person's co-authorship is not AI assistance).
 */
export function disclosureOf(c: CommitTrailers, trailerKey = 'Assisted-by'): CommitDisclosure {
  const tools = new Set<string>();
  const keys = new Set<string>();
  const own = new Set(['assisted-by', 'generated-by', trailerKey.toLowerCase()]);
  for (const t of c.trailers) {
    const key = t.key.toLowerCase();
    if (own.has(key)) {
      for (const id of toolsOf(t.value)) tools.add(id);
      keys.add(t.key);
    } else if (key === 'co-authored-by') {
      const agent = agentOf(t.value);
      if (agent) {
        tools.add(agent.id);
        keys.add(t.key);
      }
    }
  }
  return { sha: c.sha, tools: [...tools].sort(), keys: [...keys].sort() };
}
