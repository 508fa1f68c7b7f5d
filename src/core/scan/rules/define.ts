// Helpers to write rules compactly: a prefixed token format, or a value near a provider keyword.
import type { MatchContext, Rule } from '../types';
import { randomLooking } from '../validators';

type Validate = (secret: string, ctx: MatchContext) => boolean;

export interface RuleOptions {
  /** Minimum Shannon entropy of the value (default 3; 0 disables). */
  entropy?: number;
  validate?: Validate;
  paths?: string[];
  multiline?: boolean;
  dataClass?: string;
  /** Extra regex flags besides `g` (e.g. `m`, `i`). */
  flags?: string;
}

function check(opts: RuleOptions): Validate {
  const min = opts.entropy ?? 3;
  const extra = opts.validate;
  return (s, ctx) => (min <= 0 || randomLooking(s, min)) && (!extra || extra(s, ctx));
}

/** A token recognised by its own shape; `source` has the token in group 1 or as the whole match. */
export function token(
  id: string,
  name: string,
  family: string,
  anchors: string[],
  source: string,
  opts: RuleOptions = {},
): Rule {
  return {
    id,
    name,
    family,
    kind: 'token',
    dataClass: opts.dataClass ?? 'secret',
    anchors: anchors.map((a) => a.toLowerCase()),
    regex: new RegExp(source, 'g' + (opts.flags ?? '')),
    validate: check(opts),
    paths: opts.paths,
    multiline: opts.multiline,
  };
}

/**
 * A name as identifiers spell it: lower, Capitalized, UPPER, or as written (`MessageBird`), starting at a
 * word or camelCase boundary, so that `CameraKit` does not read as `meraki` nor `rookTable` as `okta`.
 */
export function nameForms(word: string): string {
  const esc = (w: string) => w.replace(/[.]/g, '\\.');
  const lower = word.toLowerCase();
  const forms = new Set([lower, lower[0].toUpperCase() + lower.slice(1), word.toUpperCase(), word]);
  // The literal comes first (fast to search for); the boundary is checked behind it.
  return [...forms].map((f) => `${esc(f)}(?<=${/^[a-z]/.test(f) ? '(?<![A-Za-z])' : '(?<![A-Z])'}${esc(f)})`).join('|');
}

/** Case-insensitive literal for use inside a case-sensitive regex. */
export function ci(word: string): string {
  return word.replace(/[a-z]/gi, (c) => `[${c.toLowerCase()}${c.toUpperCase()}]`).replace(/[.]/g, '\\.');
}

/** Assignment between a name and its value: `=`, `:`, `:=`, `=>`, `->`, with optional quotes. */
export const ASSIGN = String.raw`["'\`]?\]?(?:\s+[A-Za-z]\w{0,15})?\s{0,4}(?:[:?.+|]{0,3}=>?|:|->|,|>|\s)\s{0,6}(?:[A-Za-z]?["'\`])?\s{0,2}`;

/** A value (group 1) assigned to a name that mentions one of the provider keywords. */
export function keyed(
  id: string,
  name: string,
  family: string,
  keywords: string[],
  value: string,
  opts: RuleOptions = {},
): Rule {
  const names = keywords.map(nameForms).join('|');
  const source = String.raw`(?:${names})[\w.\-]{0,40}?${ASSIGN}(${value})(?![\w\-+/])`;
  // The match starts at the keyword; a name, an assignment and the value fit in 400 characters.
  return { ...token(id, name, family, keywords, source, opts), kind: 'keyed', reach: [64, 400] };
}

export const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
/** Not preceded by a token character (a safe left boundary for prefixed tokens). */
export const LB = String.raw`(?<![\w\-+/.])`;
/** Not followed by a token character. */
export const RB = String.raw`(?![\w\-])`;
