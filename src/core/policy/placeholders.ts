// The people and addresses of `ai-policy init`'s template are examples (RFC 2606 domains: example.com,
// example.org, example.net). A policy published with them still in place sends developers' questions and
// access requests nowhere, so the CLI warns about each one before it is validated or signed.
import type { PolicyProblem } from './types';

const EXAMPLE_DOMAIN = /(?:^|[@./])example\.(?:com|org|net)(?=$|[/:>?#\s])/i;

type Obj = Record<string, unknown>;
const obj = (x: unknown): Obj => (x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Obj) : {});
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/** Whether a contact (an email address, `Name <address>`, or a URL) is at one of the template's example domains. */
export function isExampleContact(value: unknown): boolean {
  return typeof value === 'string' && EXAMPLE_DOMAIN.test(value.trim());
}

/** A warning at each owner and contact of the policy that still names an example domain. */
export function placeholderProblems(policy: unknown): PolicyProblem[] {
  const p = obj(policy);
  const out: PolicyProblem[] = [];
  const warn = (path: string, value: unknown, what: string): void => {
    if (!isExampleContact(value)) return;
    out.push({ severity: 'warning', code: 'template-placeholder', path, message: `${what} is still the template's example address (${String(value).trim()}); replace it with your organization's own` });
  };
  const owner = obj(p.owner);
  warn('/owner/email', owner.email, 'the policy owner');
  warn('/contact', p.contact, 'the policy contact');
  list(p.tools).forEach((t, i) => {
    const tool = obj(t);
    warn(`/tools/${i}/owner`, tool.owner, `the owner of tool "${String(tool.id)}"`);
    warn(`/tools/${i}/requestAccess`, tool.requestAccess, `the access request address of tool "${String(tool.id)}"`);
  });
  list(obj(p.mcp).servers).forEach((s, i) => {
    const server = obj(s);
    warn(`/mcp/servers/${i}/owner`, server.owner, `the owner of MCP server "${String(server.name)}"`);
  });
  return out;
}
