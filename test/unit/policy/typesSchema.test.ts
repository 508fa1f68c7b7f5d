// core/policy/types.ts mirrors schema/aipolicy.schema.json by hand. These key lists must name exactly the
// keys of each type (the compiler refuses a missing or extra key through `satisfies`), and each must equal
// the properties the schema allows at that place: a field added to one side only fails here.
import * as assert from 'node:assert/strict';
import type { AuditSettings, DataHandling, DataRule, Disclosure, McpPolicy, McpServerPolicy, Policy, PolicyException, PolicyExceptions, PolicyTool, ToolConditions, Training } from '../../../src/core/policy/types';
import policySchema from '../../../schema/aipolicy.schema.json';

type Keys<T> = Record<keyof T, true>;
const policy = { apiVersion: true, organization: true, version: true, published: true, effective: true, expires: true, reviewedOn: true, nextReview: true, owner: true, contact: true, document: true, tools: true, dataHandling: true, agents: true, mcp: true, exceptions: true, disclosure: true, training: true, audit: true, acknowledgement: true, catalog: true } satisfies Keys<Policy>;
const tool = { id: true, name: true, identifiers: true, status: true, owner: true, dataClasses: true, conditions: true, requestAccess: true, notes: true } satisfies Keys<PolicyTool>;
const conditions = { workspaces: true, repositories: true, expires: true, note: true } satisfies Keys<ToolConditions>;
const dataHandling = { classes: true, builtinDetectors: true, rules: true, gitleaksConfig: true, allowlist: true } satisfies Keys<DataHandling>;
const dataRule = { id: true, class: true, description: true, paths: true, pattern: true, keywords: true, entropy: true } satisfies Keys<DataRule>;
const mcp = { servers: true, unlisted: true, agents: true } satisfies Keys<McpPolicy>;
const server = { name: true, command: true, url: true, status: true, owner: true, dataClasses: true, conditions: true, notes: true } satisfies Keys<McpServerPolicy>;
const exceptions = { maxDays: true, granted: true } satisfies Keys<PolicyExceptions>;
const exception = { id: true, requestId: true, who: true, what: true, scope: true, repositories: true, conditions: true, from: true, until: true, reason: true, approvedBy: true } satisfies Keys<PolicyException>;
const exceptionWho = { developer: true, team: true } satisfies Keys<PolicyException['who']>;
const exceptionWhat = { tool: true, mcpServer: true, command: true, url: true, dataClass: true } satisfies Keys<PolicyException['what']>;
const training = { id: true, title: true, url: true, dueWithinDays: true, renewalDays: true, basis: true } satisfies Keys<Training>;
const audit = { endpoint: true, otlpEndpoint: true, identity: true, pseudonymize: true, inventoryIntervalHours: true } satisfies Keys<AuditSettings>;
const disclosure = { required: true, trailer: true, format: true, pullRequest: true } satisfies Keys<Disclosure>;

type Node = { properties?: Record<string, Node>; items?: Node; $ref?: string };
const schema = policySchema as unknown as Node & { definitions: Record<string, Node> };
/** The schema node at a path of property names (`[]` steps into array items), following $refs. */
function at(...path: string[]): Node {
  let node: Node = schema;
  const deref = (n: Node): Node => (n.$ref ? schema.definitions[n.$ref.replace('#/definitions/', '')] : n);
  for (const step of path) {
    node = deref(node);
    node = step === '[]' ? node.items! : node.properties![step];
    assert.ok(node, `no schema node at ${path.join('.')}`);
  }
  return deref(node);
}
const props = (n: Node) => Object.keys(n.properties ?? {}).filter((k) => k !== '$schema').sort();

describe('policy types and the JSON Schema', () => {
  const cases: [string, object, Node][] = [
    ['Policy', policy, at()],
    ['PolicyTool', tool, at('tools', '[]')],
    ['ToolConditions', conditions, at('tools', '[]', 'conditions')],
    ['DataHandling', dataHandling, at('dataHandling')],
    ['DataRule', dataRule, at('dataHandling', 'rules', '[]')],
    ['McpPolicy', mcp, at('mcp')],
    ['McpServerPolicy', server, at('mcp', 'servers', '[]')],
    ['Training', training, at('training', '[]')],
    ['AuditSettings', audit, at('audit')],
    ['Disclosure', disclosure, at('disclosure')],
    ['PolicyExceptions', exceptions, at('exceptions')],
    ['PolicyException', exception, at('exceptions', 'granted', '[]')],
    ['PolicyException.who', exceptionWho, at('exceptions', 'granted', '[]', 'who')],
    ['PolicyException.what', exceptionWhat, at('exceptions', 'granted', '[]', 'what')],
  ];
  for (const [name, keys, node] of cases) {
    it(`${name} has exactly the schema's properties`, () => {
      assert.deepEqual(Object.keys(keys).sort(), props(node));
    });
  }
});
