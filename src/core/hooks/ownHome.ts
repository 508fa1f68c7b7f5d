// The developer's own home folder is not the personal data the policy protects: a regular user's workspace lives
// in /home/NAME (or /Users/NAME, C:\Users\NAME), so every path an agent reads or sends names it. A home-folder
// finding (its value is the user name in the path) is set aside when the path it sits in is that home; someone
// else's home folder still counts.
import type { Finding } from '../scan/types';

const HOME_RULE = 'home-directory-path';
const norm = (p: string) => p.replace(/[\\/]+/g, '/').toLowerCase();

/** True when the finding's user name ends the text `home` names (`/home/alice`, JSON-escaped backslashes too). */
export function namesOwnHome(text: string, f: Pick<Finding, 'start' | 'end'>, home: string): boolean {
  const own = norm(home).replace(/\/+$/, '');
  if (!own || own.split('/').filter(Boolean).length < 2) return false;
  // Enough text before the name to hold the home path, with its separators written twice (JSON) at worst.
  const before = norm(text.slice(Math.max(0, f.end - own.length * 2), f.end));
  return before.endsWith(own) && (before.length === own.length || !/[\w.-]/.test(before.charAt(before.length - own.length - 1))) && !/[\w.-]/.test(text.charAt(f.end));
}

/** The home folder a working folder lies in (`/home/dev` of `/home/dev/src/app`), if it lies in one. */
function homeOf(place: string): string | undefined {
  return /^(.*?[\\/](?:home|users)[\\/][^\\/]+)/i.exec(place)?.[1];
}

/**
 * The findings of `text` without the home-folder ones that name the developer's own home: $HOME, and the home
 * folder the agent's working folder lies in (the same user's, even when HOME points elsewhere).
 */
export function withoutOwnHome<F extends Pick<Finding, 'ruleId' | 'start' | 'end'>>(findings: readonly F[], text: string, home: string | undefined, cwd?: string): F[] {
  const own = [home, cwd && homeOf(cwd)].filter((h): h is string => !!h);
  if (!own.length) return [...findings];
  return findings.filter((f) => f.ruleId !== HOME_RULE || !own.some((h) => namesOwnHome(text, f, h)));
}

/**
 * A value whose only finding is a home-folder path, every one of them inside the developer's own home
 * ($HOME, $PATH, $PWD of a regular user: /home/NAME/...): the agent already works there and sees those paths,
 * so printing them is not the personal data the policy protects. Someone else's home folder still is.
 */
export function namesOnlyOwnHome(rules: readonly string[], value: string, home: string): boolean {
  if (!home || !rules.every((r) => r === HOME_RULE)) return false;
  const own = home.replace(/[\\/]+$/, '');
  return value.split(/[:;]/).every((p) => !/[\\/](?:home|users)[\\/]/i.test(p) || p === own || p.startsWith(`${own}/`) || p.startsWith(`${own}\\`));
}
