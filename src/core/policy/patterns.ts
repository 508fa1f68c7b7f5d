// Checks globs (minimatch) and regexes (RE2 syntax) that a policy carries.
import { minimatch } from 'minimatch';
import { re2js } from '../lazyModules';

/** A reason the glob is unusable, or undefined when it is fine. */
export function globError(glob: string): string | undefined {
  if (!glob.trim()) return 'empty glob';
  let square = 0;
  let curly = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') square++;
    else if (c === ']' && square > 0) square--;
    else if (c === '{') curly++;
    else if (c === '}') curly = Math.max(0, curly - 1);
  }
  if (square > 0) return 'unclosed "[" in glob';
  if (curly > 0) return 'unclosed "{" in glob';
  try {
    minimatch('probe', glob);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return undefined;
}

/** Style warnings for a path glob (relative to the workspace, forward slashes). */
export function globWarning(glob: string): string | undefined {
  if (glob.includes('\\')) return 'use "/" as the path separator; "\\" escapes the next character in a glob';
  if (/^(\/|[A-Za-z]:)/.test(glob)) return 'path globs are matched against workspace-relative paths; an absolute glob never matches';
  return undefined;
}

/** A reason the regex is rejected by RE2 (backreferences, lookaround, bad syntax), or undefined. */
export function regexError(pattern: string): string | undefined {
  try {
    re2js().RE2JS.compile(pattern);
    return undefined;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const lookbehind = /^\(\?<[=!]/.test(pattern) || /[^\\]\(\?<[=!]/.test(pattern);
    const hint = lookbehind || /Perl syntax|escape sequence/.test(msg) ? '; lookaround and backreferences are not supported' : '';
    return `not a valid RE2 regex (${msg})${hint}`;
  }
}

/** True when the regex matches the empty string, which would flag every text. */
export function matchesEmpty(pattern: string): boolean {
  try {
    return re2js().RE2JS.compile(pattern).matcher('').find();
  } catch {
    return false;
  }
}
