// docs/rules.md, generated from the rule table: what each built-in rule matches, why it matters, how to fix.
import { builtinPathRules } from './paths';
import { notCredentials } from './placeholders';
import { revokeLink } from './remediation';
import { builtinRules } from './rules';
import type { Rule } from './types';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (xs: string[]) => xs.map((x) => `\`${x}\``).join(', ');

function matches(r: Rule): string {
  if (r.kind === 'token') return `${r.name}, recognised by its own shape${r.anchors.length ? ` (${code(r.anchors)})` : ''}`;
  if (r.kind === 'keyed') return `${r.name}, a value of the documented length and alphabet assigned to a name with ${code(r.anchors)}`;
  return r.name;
}

function why(dataClass: string, severity?: string): string {
  if (dataClass === 'secret') return 'A credential: whoever reads the file, an AI tool or its provider included, can use it.';
  if (severity === 'low') return 'Names a person; worth knowing, not a leak. The policy can switch it off.';
  return 'Personal data that the policy keeps away from AI tools.';
}

function fix(family: string, dataClass: string): string {
  const link = revokeLink({ family, dataClass });
  if (!link) return 'Remove the data from the file, or keep the file out of the AI tools\' reach.';
  const where = link.provider ? `[revoke and rotate (${link.provider})](${link.url})` : `[revoke and rotate](${link.url})`;
  return `${where}, then read the value from an environment variable or a secret store.`;
}

/** The whole document; `test/unit/scan/rulesDoc.test.ts` fails when docs/rules.md differs. */
export function rulesMarkdown(): string {
  const lines = [
    '# Built-in detection rules',
    '',
    '<!-- Generated from the rule table by `npm run docs:rules`; do not edit by hand. -->',
    '',
    'Each finding\'s code is the rule id below. A policy selects rules by id, family or data class (`builtinDetectors`).',
    '',
    '## Content rules',
    '',
    '| id | family | data class | what it matches | why | how to fix |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of builtinRules('all')) {
    lines.push(`| <a id="${r.id}"></a>\`${r.id}\` | ${r.family} | ${r.dataClass}${r.severity ? ` (${r.severity})` : ''} | ${cell(matches(r))} | ${why(r.dataClass, r.severity)} | ${fix(r.family, r.dataClass)} |`);
  }
  lines.push('', '## File name rules', '', '| id | family | data class | files | how to fix |', '|---|---|---|---|---|');
  for (const p of builtinPathRules) {
    lines.push(`| <a id="${p.id}"></a>\`${p.id}\` | ${p.family} | ${p.dataClass} | ${cell(p.name)}: ${code(p.globs)} | Keep the file out of the repository and out of the AI tools' reach (ignore files). |`);
  }
  lines.push('', '## Not flagged', '', 'Written where a credential or personal data goes, but not one; each class has its own unit test.', '',
    '| class | what is not flagged | example | why |', '|---|---|---|---|');
  for (const n of notCredentials) lines.push(`| <a id="not-${n.id}"></a>\`${n.id}\` | ${cell(n.what)} | ${code(n.example.split(', '))} | ${cell(n.why)} |`);
  return lines.join('\n') + '\n';
}
