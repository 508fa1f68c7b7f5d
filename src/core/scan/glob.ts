// Glob to RegExp for path rules: the common minimatch syntax (`**`, `*`, `?`, `[...]`, `{a,b}`), compiled
// once to a native regex, because matching every scanned path against every rule must be cheap.
// Extended globs (`+(a|b)` and the like) fall back to minimatch.
import { Minimatch } from 'minimatch';

const EXTGLOB = /[!?+*@]\(/;

function convert(glob: string): string {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches the rest.
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:[^/]*(?:/|$))*?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        re += '[' + glob.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else if (c === '{') {
      let depth = 0;
      let j = i;
      for (; j < glob.length; j++) {
        if (glob[j] === '{') depth++;
        else if (glob[j] === '}' && --depth === 0) break;
      }
      if (j >= glob.length) re += '\\{';
      else {
        re += '(?:' + splitTop(glob.slice(i + 1, j)).map(convert).join('|') + ')';
        i = j;
      }
    } else if (c === '\\' && i + 1 < glob.length) re += '\\' + glob[++i];
    else re += /[.+^$()|\]\\/]/.test(c) ? '\\' + c : c;
  }
  return re;
}

function splitTop(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}') depth--;
    else if (s[i] === ',' && depth === 0) {
      parts.push(s.slice(last, i));
      last = i + 1;
    }
  }
  parts.push(s.slice(last));
  return parts;
}

/** A matcher for a workspace-relative path (forward slashes); a glob without `/` matches at any depth. */
export function globMatcher(glob: string, nocase = true): (path: string) => boolean {
  const g = glob.includes('/') ? glob.replace(/^\.\//, '') : `**/${glob}`;
  if (EXTGLOB.test(g)) {
    const mm = new Minimatch(g, { dot: true, nocase });
    return (p) => mm.match(p);
  }
  const re = new RegExp(`^${convert(g)}$`, nocase ? 'i' : '');
  return (p) => re.test(p);
}
