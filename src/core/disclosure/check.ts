// The policy's disclosure rule applied to one change: its commits' trailers and, when there is one, the
// pull request's disclosure section. Pure: the caller reads Git and the pull request body.
import type { Disclosure, Policy } from '../policy/types';
import { agentOf, slug } from './agents';
import { disclosureOf, type CommitDisclosure, type CommitTrailers } from './commits';
import { readPrSection, type PrSection } from './prBody';

export type ProblemCode =
  | 'pr-section-missing'
  | 'pr-section-unticked'
  | 'pr-section-contradictory'
  | 'pr-says-none-but-commits-assisted'
  | 'commits-missing-trailer'
  | 'tool-prohibited';

export interface Problem {
  code: ProblemCode;
  message: string;
}

export interface CheckResult {
  required: boolean;
  commits: CommitDisclosure[];
  assisted: number;
  /** Tool ids disclosed by the commits and the pull request. */
  tools: string[];
  /** Undefined when there was no pull request body to read. */
  pr?: PrSection & { heading: string };
  problems: Problem[];
}

/** The policy's tools that are prohibited, by the ids a disclosure would use for them. */
function prohibitedIds(policy: Policy): Map<string, string> {
  const out = new Map<string, string>();
  for (const t of policy.tools ?? []) {
    if (t.status !== 'prohibited') continue;
    for (const id of [agentOf(t.name)?.id, slug(t.name), t.id]) if (id) out.set(id, t.name);
  }
  return out;
}

function short(sha: string): string {
  return sha.slice(0, 10);
}

export function checkDisclosure(policy: Policy, commits: readonly CommitTrailers[], prBody: string | undefined): CheckResult {
  const rule: Disclosure | undefined = policy.disclosure;
  const required = rule?.required === true;
  const disclosed = commits.map((c) => disclosureOf(c, rule?.trailer));
  const assisted = disclosed.filter((c) => c.tools.length || c.keys.length);
  const heading = rule?.pullRequest?.section;
  const pr = prBody !== undefined && heading ? { ...readPrSection(prBody, heading), heading } : undefined;
  const tools = [...new Set([...disclosed.flatMap((c) => c.tools), ...(pr?.tools ?? [])])].sort();
  const problems: Problem[] = [];

  if (required && pr) {
    if (!pr.found) problems.push({ code: 'pr-section-missing', message: `the pull request has no "${pr.heading}" section` });
    else if (pr.answer === 'unticked') problems.push({ code: 'pr-section-unticked', message: `the "${pr.heading}" section does not say whether AI tools were used (tick one box)` });
    else if (pr.answer === 'both') problems.push({ code: 'pr-section-contradictory', message: `the "${pr.heading}" section says both that no AI tool and that AI tools were used` });
    else if (pr.answer === 'none' && assisted.length) {
      problems.push({
        code: 'pr-says-none-but-commits-assisted',
        message: `the "${pr.heading}" section says no AI tool was used, but ${assisted.length} commit(s) disclose AI assistance (${assisted.map((c) => short(c.sha)).join(', ')})`,
      });
    } else if (pr.answer === 'used') {
      const want = rule?.pullRequest?.commitsWhenAssisted ?? 'any';
      const bare = disclosed.filter((c) => !c.keys.length);
      if (want === 'any' && disclosed.length && !assisted.length) {
        problems.push({ code: 'commits-missing-trailer', message: `the pull request says AI tools were used, but none of its ${disclosed.length} commit(s) carries a ${rule?.trailer ?? 'Assisted-by'}: trailer` });
      } else if (want === 'all' && bare.length) {
        problems.push({ code: 'commits-missing-trailer', message: `the pull request says AI tools were used, and the policy asks every commit to say so: ${bare.map((c) => short(c.sha)).join(', ')} carry no ${rule?.trailer ?? 'Assisted-by'}: trailer` });
      }
    }
  }
  const prohibited = prohibitedIds(policy);
  for (const id of tools) {
    const name = prohibited.get(id);
    if (name) problems.push({ code: 'tool-prohibited', message: `${name} is prohibited by the policy, and this change says it was used` });
  }
  return { required, commits: disclosed, assisted: assisted.length, tools, pr, problems };
}
