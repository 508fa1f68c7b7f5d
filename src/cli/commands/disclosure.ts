// ai-policy disclosure check: the policy's AI disclosure rule applied in CI to a change's commits and its
// pull request; prints a summary, exits 1 when the rule is broken, and can report a disclosure.pr event.
import { appendFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { version } from '../../../package.json';
import { cliEventContext } from '../../core/audit/cliContext';
import { createEvent } from '../../core/audit/events';
import { deliverNow } from '../../core/audit/oneShot';
import { checkDisclosure, type CheckResult } from '../../core/disclosure/check';
import { commitTrailers, git } from '../../core/disclosure/commits';
import { pullRequestContext, repoHash, repositoryId } from '../../core/disclosure/context';
import { agentStateDir } from '../../core/hooks/stateDir';
import type { Policy } from '../../core/policy/types';
import { parseCommandArgs } from './commandArgs';

const TOKEN_ENV = 'AI_POLICY_AUDIT_TOKEN';

const HELP = `Usage: ai-policy disclosure check --base REF [--head REF] [--pr-body FILE] [--policy FILE]
                                  [--repo DIR] [--format text|json] [--report URL [--token T]]

Applies the policy's disclosure rule to the commits in BASE..HEAD (merges left out) and to the pull
request's disclosure section, for CI. A commit discloses AI assistance with the policy's trailer
(e.g. Assisted-by: GitHub Copilot), Generated-by:, or a Co-authored-by: naming a known AI agent
(Claude, Copilot, Cursor, Codex, Gemini, Jules, Aider, Devin, Windsurf, Amazon Q, OpenHands...).

--base, --head   the change (HEAD by default); in GitHub Actions and GitLab merge request pipelines
                 both default to the pull request's
--pr-body FILE   the pull request's description (Markdown); by default the one in $GITHUB_EVENT_PATH
                 or $CI_MERGE_REQUEST_DESCRIPTION; without one only the commits are checked
--policy FILE    the policy (default: the managed configuration's policy source when it is a file)
--report URL     sends a disclosure.pr event (a hash of the repository id, counts, tool ids; no
                 names, messages or paths) to this audit endpoint, with --token T or $${TOKEN_ENV};
                 what cannot be sent is kept and sent by the next run on this machine

Exit code: 0 the rule holds (or the policy does not require disclosure), 1 broken, 2 usage or Git errors.`;

function usage(message: string): number {
  process.stderr.write(`ai-policy disclosure: ${message}\n${HELP}\n`);
  return 2;
}

async function loadPolicy(file: string | undefined): Promise<{ policy: Policy } | { error: string }> {
  let source = file;
  if (!source) {
    const managed = (await import('./managedSource')).managedPolicyFile();
    if (typeof managed === 'object') return managed;
    if (!managed) return { error: 'no policy: pass --policy FILE' };
    source = managed;
  }
  return (await import('./policyFile')).loadPolicyFile(source);
}

function summary(r: CheckResult, base: string, head: string, prNumber: number | undefined, trailer: string): string {
  const lines: string[] = [];
  const tools = r.tools.length ? ` (${r.tools.join(', ')})` : '';
  lines.push(`AI disclosure: ${r.commits.length} commit(s) in ${base}..${head}, ${r.assisted} disclose AI assistance${tools}`);
  if (!r.pr) lines.push('Pull request: no description to read; only the commits were checked');
  else if (!r.pr.found) lines.push(`Pull request${prNumber ? ` #${prNumber}` : ''}: no "${r.pr.heading}" section`);
  else {
    const said = { none: 'no AI tool was used', used: 'AI tools were used', unticked: 'nothing ticked', both: 'both boxes ticked' }[r.pr.answer];
    lines.push(`Pull request${prNumber ? ` #${prNumber}` : ''}, "${r.pr.heading}": ${said}${r.pr.tools.length ? ` (${r.pr.tools.join(', ')})` : ''}`);
  }
  lines.push(r.required ? `Policy: disclosure required (${trailer}: trailer)` : 'Policy: disclosure not required; nothing to enforce');
  lines.push(r.problems.length ? `FAILED:\n${r.problems.map((p) => `  - ${p.message}`).join('\n')}` : 'OK');
  return lines.join('\n');
}

export async function run(args: string[]): Promise<number> {
  const parsed = parseCommandArgs('disclosure', HELP, {
    args,
    allowPositionals: true,
    options: {
      base: { type: 'string' },
      head: { type: 'string' },
      'pr-body': { type: 'string' },
      policy: { type: 'string' },
      repo: { type: 'string', default: '.' },
      format: { type: 'string', default: 'text' },
      report: { type: 'string' },
      token: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const v = parsed.values;
  if (parsed.positionals[0] !== 'check' || parsed.positionals.length > 1) return usage('say "check"');
  if (v.format !== 'text' && v.format !== 'json') return usage('--format must be text or json');
  const repo = path.resolve(v.repo);
  let ctx;
  try {
    ctx = pullRequestContext();
  } catch (e) {
    return usage((e as Error).message);
  }
  const base = v.base ?? ctx.base;
  if (!base) return usage('--base REF is required (outside a pull request pipeline)');
  const head = v.head ?? ctx.head ?? 'HEAD';
  let body = ctx.body;
  if (v['pr-body'] !== undefined) {
    try {
      body = readFileSync(v['pr-body'], 'utf8');
    } catch (e) {
      return usage(`cannot read --pr-body ${v['pr-body']}: ${(e as Error).message}`);
    }
  }
  const loaded = await loadPolicy(v.policy);
  if ('error' in loaded) {
    process.stderr.write(`ai-policy disclosure: ${loaded.error}\n`);
    return 2;
  }
  const policy = loaded.policy;
  let result: CheckResult;
  try {
    result = checkDisclosure(policy, await commitTrailers(repo, base, head), body);
  } catch (e) {
    process.stderr.write(`ai-policy disclosure: ${(e as Error).message}\n`);
    return 2;
  }
  const trailer = policy.disclosure?.trailer ?? 'Assisted-by';
  const broken = result.required && result.problems.length > 0;
  if (v.format === 'json') process.stdout.write(JSON.stringify({ base, head, pr: ctx.number, ...result, broken }, null, 2) + '\n');
  else process.stdout.write(summary(result, base, head, ctx.number, trailer) + '\n');
  if (process.env.GITHUB_STEP_SUMMARY) {
    try {
      appendFileSync(process.env.GITHUB_STEP_SUMMARY, `### AI disclosure\n\n\`\`\`\n${summary(result, base, head, ctx.number, trailer)}\n\`\`\`\n`);
    } catch (e) {
      process.stderr.write(`ai-policy disclosure: could not write the job summary: ${(e as Error).stack ?? String(e)}\n`);
    }
  }
  if (v.report) await report(v.report, v.token ?? process.env[TOKEN_ENV], { policy, repo, head, provider: ctx.provider, pr: ctx.number, result, broken });
  return broken ? 1 : 0;
}

interface ReportInput {
  policy: Policy;
  repo: string;
  head: string;
  provider: string;
  pr?: number;
  result: CheckResult;
  broken: boolean;
}

/** Sends disclosure.pr; a delivery problem is reported but does not fail the check. */
async function report(endpoint: string, token: string | undefined, r: ReportInput): Promise<void> {
  try {
    const hmacKey = r.policy.audit?.pseudonymize?.hmacKey;
    // The change's author (the head commit's), identified as the policy asks for explicit ids.
    const author = (await git(r.repo, ['log', '-1', '--format=%ae', r.head])).trim();
    const ctx = await cliEventContext({ policy: { ...r.policy, audit: { ...r.policy.audit, identity: 'explicit' } }, explicitId: author || undefined, version, cwd: r.repo });
    const event = createEvent(
      'disclosure.pr',
      {
        repoHash: repoHash(await repositoryId(r.repo), hmacKey),
        pr: r.pr,
        provider: r.provider,
        commits: r.result.commits.length,
        assistedCommits: r.result.assisted,
        tools: r.result.tools,
        prDisclosed: r.result.pr ? r.result.pr.found && (r.result.pr.answer === 'none' || r.result.pr.answer === 'used') : undefined,
        result: r.broken ? 'fail' : 'pass',
        problems: r.result.problems.map((p) => p.code),
      },
      ctx,
    );
    const d = await deliverNow([event], {
      root: path.join(agentStateDir(), 'disclosure-audit'),
      endpoint,
      token,
      log: (level, message) => {
        if (level !== 'info') process.stderr.write(`ai-policy disclosure: ${message}\n`);
      },
    });
    if (d.queued) process.stderr.write(`ai-policy disclosure: the disclosure.pr event was not delivered (${d.lastError ?? 'no answer'}); it stays queued for the next run\n`);
    else if (d.rejected) process.stderr.write('ai-policy disclosure: the audit endpoint refused the disclosure.pr event\n');
    else if (d.parked) process.stderr.write(`ai-policy disclosure: the audit endpoint's version refused the disclosure.pr event; it is kept aside and offered again by a later run (${d.lastError ?? ''})\n`);
    else process.stdout.write(`Reported to ${new URL(endpoint).origin}\n`);
  } catch (e) {
    process.stderr.write(`ai-policy disclosure: could not report: ${(e as Error).stack ?? String(e)}\n`);
  }
}
