// All built-in rules, by family group.
import type { Rule } from '../types';
import { aiRules } from './ai';
import { cloudRules } from './cloud';
import { genericRules } from './generic';
import { keyRules } from './keys';
import { messagingRules } from './messaging';
import { paymentRules } from './payments';
import { piiRules } from './pii';
import { platformRules } from './platforms';
import { registryRules } from './registries';
import { saasRules } from './saas';
import { serviceRules } from './services';
import { sourceHostingRules } from './sourceHosting';

const providerRules: Rule[] = [
  ...cloudRules,
  ...sourceHostingRules,
  ...aiRules,
  ...paymentRules,
  ...messagingRules,
  ...registryRules,
  ...saasRules,
  ...serviceRules,
  ...platformRules,
];

/** Token prefixes (`ghp_`, `xoxb-`, `dapi`…): a value with one is judged by its provider's rule, not the generic one. */
const prefixes = providerRules
  .filter((r) => r.kind === 'token')
  .flatMap((r) => r.anchors)
  .filter((a) => a.length >= 4 && /^[a-z0-9]/.test(a));

/**
 * Provider names that keyed rules look for (`meraki`, `twitter`…): a value assigned to a name with one is
 * judged by that provider's documented format, not by the generic rule. Words the generic rule itself
 * looks for (`token`, `private_key`) are left to it, and so is `vault`, whose tokens take many shapes.
 */
const providerNames = [...new Set(providerRules
  .filter((r) => r.kind === 'keyed')
  .flatMap((r) => r.anchors)
  .filter((a) => a.length >= 4 && !/secret|token|passw|pwd|key|auth|credential|pass|vault/.test(a)))];

export const secretRules: Rule[] = [...providerRules, ...keyRules, ...genericRules(prefixes, providerNames)];

export { piiRules };

/** Built-in rules selected by the policy's `builtinDetectors` (`all`, `none`, or classes / families / rule ids). */
export function builtinRules(selection: 'all' | 'none' | string[] = 'all'): Rule[] {
  const all = [...secretRules, ...piiRules];
  if (selection === 'all') return all;
  if (selection === 'none') return [];
  const want = new Set(selection.map((s) => s.toLowerCase()));
  const plural = (c: string) => `${c}s`;
  return all.filter((r) => want.has(r.id) || want.has(r.family) || want.has(r.dataClass) || want.has(plural(r.dataClass)));
}
