// Turns rule definitions into runnable rules: native regexes for built-in rules, re2js for
// regexes that come from a policy or an imported config (linear time, so no input can hang a scan).
import type { RE2JS } from 're2js';
import { re2js } from '../lazyModules';
import { globMatcher } from './glob';
import type { CompiledRule, RawMatch, Rule } from './types';

/** The sensitive part: the first capture group that took part, else the whole match. */
function rawFrom(m: RegExpExecArray): RawMatch {
  for (let i = 1; i < m.length; i++) {
    const g = m[i];
    if (g !== undefined && g !== '') {
      const at = m.indices?.[i]?.[0] ?? m.index + m[0].lastIndexOf(g);
      return { start: m.index, end: m.index + m[0].length, secret: g, secretStart: at };
    }
  }
  return { start: m.index, end: m.index + m[0].length, secret: m[0], secretStart: m.index };
}

/**
 * A rule's regex as a global, index-reporting finder. The RegExp is built once per rule (building it per file
 * threw away V8's compiled form each time); a second search that starts while one is still being iterated
 * (interleaved slices of two documents) gets its own copy, since `lastIndex` is the search's position.
 */
function nativeFinder(re: RegExp): (text: string) => Iterable<RawMatch> {
  const flags = `${re.flags.replace(/[gd]/g, '')}gd`;
  const shared = new RegExp(re.source, flags);
  let busy = false;
  return function* (text: string) {
    const own = busy;
    const r = own ? new RegExp(re.source, flags) : shared;
    busy = true;
    r.lastIndex = 0;
    try {
      for (let m = r.exec(text); m; m = r.exec(text)) {
        if (m[0] === '') r.lastIndex++;
        yield rawFrom(m);
      }
    } finally {
      if (!own) busy = false;
    }
  };
}

export function pathFilter(globs: string[] | undefined): ((p: string) => boolean) | undefined {
  if (!globs?.length) return undefined;
  const ms = globs.map((g) => globMatcher(g));
  return (p) => ms.some((m) => m(p));
}

export function compileRule(rule: Rule): CompiledRule {
  const { regex, find } = rule;
  return {
    id: rule.id,
    name: rule.name,
    family: rule.family,
    dataClass: rule.dataClass,
    ...(rule.severity ? { severity: rule.severity } : {}),
    anchors: rule.anchors,
    find: find ?? (regex ? nativeFinder(regex) : () => []),
    validate: rule.validate,
    pathFilter: pathFilter(rule.paths),
    multiline: rule.multiline ?? false,
    reach: rule.reach,
    prefilter: rule.prefilter,
  };
}

/** Go/RE2 syntax that re2js does not take as is. */
export function translateGoRegex(source: string): string {
  return source.replace(/\\z/g, '$').replace(/\(\?P</g, '(?<');
}

/** Compiles an RE2-syntax regex with re2js; throws with the engine's message when invalid. */
export function compileRe2(source: string): RE2JS {
  return re2js().RE2JS.compile(translateGoRegex(source));
}

export function* re2Find(re: RE2JS, text: string, group?: number): Iterable<RawMatch> {
  const m = re.matcher(text);
  let from = 0;
  while (from <= text.length && m.find(from)) {
    const start = m.start();
    const end = m.end();
    let g = group ?? 0;
    if (group === undefined) {
      for (let i = 1; i <= m.groupCount(); i++) {
        if (m.start(i) >= 0 && m.end(i) > m.start(i)) {
          g = i;
          break;
        }
      }
    }
    const gs = m.start(g) >= 0 ? m.start(g) : start;
    const ge = m.start(g) >= 0 ? m.end(g) : end;
    yield { start, end, secret: text.slice(gs, ge), secretStart: gs };
    from = end > start ? end : end + 1;
  }
}
