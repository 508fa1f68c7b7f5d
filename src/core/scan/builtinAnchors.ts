// The anchor groups of the built-in rules, in the order a default scanner's detector lists them: what the build
// precomputes the automaton for (scripts/build/anchorTables.js) and what its unit test rebuilds.
import { compileRule } from './compile';
import { builtinRules } from './rules';

export function builtinAnchorGroups(): string[][] {
  return builtinRules('all')
    .map(compileRule)
    .filter((r) => r.anchors.length > 0)
    .map((r) => r.anchors);
}
