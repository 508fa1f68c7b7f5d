// Every built-in rule's own true and false samples, in one table keyed by rule id: the generated family samples
// (generate.ts) and the per-rule samples of rulesCloud.ts and rulesServices.ts. test/unit/scan/ruleSamples.test.ts
// fails when a rule has none, misses a true sample or reports a false one.
import { generateSamples } from './generate';
import { cloudSamples } from './rulesCloud';
import { serviceSamples } from './rulesServices';

export interface RuleSample {
  rule: string;
  /** Must be reported by `rule`. */
  hit: string;
  /** Must not be reported by `rule`. */
  miss: string;
  path?: string;
}

/** All samples, by rule id; `n` varies the seeds. */
export function samplesByRule(n = 0): Map<string, RuleSample[]> {
  const all: RuleSample[] = [...generateSamples(n), ...cloudSamples(n), ...serviceSamples(n)];
  const by = new Map<string, RuleSample[]>();
  for (const x of all) by.set(x.rule, [...(by.get(x.rule) ?? []), { rule: x.rule, hit: x.hit, miss: x.miss, path: x.path }]);
  return by;
}
