// An accountable owner is a person developers can write to: `Jane Doe <jane@example.com>` for a tool or
// MCP server, `owner: {name, email}` for the policy. A placeholder such as `TBD` is worth a warning.

const EMAIL = /[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+/;
const PLACEHOLDER = /^(tbd|tba|todo|fixme|n\/?a|none|unknown|nobody|someone|owner|\?+|-+|x+)$/i;

/** What is wrong with an owner (a string, or the policy's `{name, email}`), or undefined when it is fine. */
export function ownerProblem(owner: unknown, what: string): { message: string; path?: string } | undefined {
  if (typeof owner === 'string') {
    const name = owner.trim();
    if (!name || EMAIL.test(name)) return PLACEHOLDER.test(nameOf(name)) ? placeholder(name, what) : undefined;
    return PLACEHOLDER.test(name) ? placeholder(name, what) : { message: `owner "${name}" of ${what} has no email address; write it as Name <name@example.com> so that developers know whom to ask` };
  }
  if (owner === null || typeof owner !== 'object') return undefined;
  const { name, email } = owner as { name?: unknown; email?: unknown };
  if (typeof name !== 'string') return undefined;
  if (PLACEHOLDER.test(name.trim())) return { ...placeholder(name.trim(), what), path: 'name' };
  if (typeof email === 'string' && EMAIL.test(email)) return undefined;
  if (EMAIL.test(name)) return undefined;
  return { message: `the owner of ${what} ("${name}") has no email address; add owner.email so that developers know whom to ask` };
}

function nameOf(owner: string): string {
  return owner.replace(/<[^>]*>/, '').trim();
}

function placeholder(name: string, what: string): { message: string } {
  return { message: `owner "${name}" of ${what} is a placeholder, not a person; name the accountable person and their email, e.g. Jane Doe <jane@example.com>` };
}
