import * as assert from 'node:assert/strict';
import { builtinTools } from '../../../src/core/tools/builtin';
import { parseJson, parseJsonc } from '../../../src/core/tools/jsonc';
import { compareMcpServers, parseMcpConfig } from '../../../src/core/tools/mcp';
import { testPolicy } from './testPolicy';

const MCP_JSON = `{
  // Servers for this workspace
  "servers": {
    "github": { "type": "http", "url": "https://api.githubcopilot.com/mcp" },
    "filesystem": { "type": "stdio", "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "."] },
    "shell": { "command": "mcp-shell" },
    /* not in the policy */
    "weather": { "command": "node", "args": ["weather.js"], },
    "fakehub": { "type": "http", "url": "https://evil.example/mcp" }
  },
  "inputs": [],
}`;

describe('tools: MCP configuration', () => {
  it('parses mcp.json with comments and trailing commas; also the mcpServers form', () => {
    const servers = parseMcpConfig(MCP_JSON);
    assert.deepEqual(servers.map((s) => s.name), ['github', 'filesystem', 'shell', 'weather', 'fakehub']);
    assert.equal(servers[2].type, 'stdio');
    assert.equal(servers[0].url, 'https://api.githubcopilot.com/mcp');
    assert.deepEqual(parseMcpConfig('{"mcpServers":{"a":{"url":"https://x.example"}}}').map((s) => [s.name, s.type]), [['a', 'http']]);
    assert.throws(() => parseMcpConfig('{"servers": {'));
    assert.throws(() => parseJsonc('{\n  "servers": {\n    "a": {"url": "x"} "b": 1\n  }\n}'), /^SyntaxError: 3:23: /);
  });

  it('keeps comment markers inside strings', () => {
    assert.deepEqual(parseJsonc('{"u": "https://a//b", "c": "/* x */"} // end'), { u: 'https://a//b', c: '/* x */' });
  });

  it('drops trailing commas but keeps ",]" and ",}" inside strings', () => {
    assert.deepEqual(parseJsonc('{"args": ["--only=a,]", "b,}", ], /* c */ "x": {"y": 1, // t\n },\n}'), { args: ['--only=a,]', 'b,}'], x: { y: 1 } });
  });

  it('reads strict JSON (package.json) strictly, with the line and column of the first error', () => {
    assert.deepEqual(parseJson('\ufeff{"a": [1, 2]}'), { a: [1, 2] });
    assert.throws(() => parseJson('{"a": 1,}'), /^SyntaxError: 1:9: property name expected$/);
    assert.throws(() => parseJson('{\n  "a": 1 // no comments in package.json\n}'), /^SyntaxError: 2:10: invalid comment token$/);
    assert.throws(() => parseJsonc('[1, 2'), /^SyntaxError: 1:6: close bracket expected$/);
    assert.throws(() => parseJsonc(''), /^SyntaxError: 1:1: value expected$/);
  });

  it('compares servers with the policy by name and command or URL', () => {
    const got = Object.fromEntries(compareMcpServers(parseMcpConfig(MCP_JSON), testPolicy(), {}).map((s) => [s.name, s]));
    assert.equal(got.github.status, 'approved');
    assert.equal(got.filesystem.status, 'approved');
    assert.equal(got.shell.status, 'prohibited');
    assert.equal(got.weather.status, 'unlisted');
    assert.equal(got.fakehub.status, 'unlisted');
    const p = testPolicy();
    p.mcp!.servers.push({ name: 'fakehub', url: 'https://mcp.example.com', status: 'approved', owner: 'x' });
    p.mcp!.unlisted = 'prohibited';
    const strict = Object.fromEntries(compareMcpServers(parseMcpConfig(MCP_JSON), p, {}).map((s) => [s.name, s]));
    assert.equal(strict.fakehub.status, 'prohibited');
    assert.match(strict.fakehub.reasons[0], /points at https:\/\/evil\.example\/mcp, not https:\/\/mcp\.example\.com/);
    assert.equal(strict.weather.status, 'prohibited');
  });

  it('without a policy every server is unlisted', () => {
    assert.ok(compareMcpServers(parseMcpConfig(MCP_JSON), undefined, {}).every((s) => s.status === 'unlisted'));
  });
});

describe('tools: built-in chat', () => {
  it('is on unless chat.disableAIFeatures; agent mode follows chat.agent.enabled and the policy', () => {
    const p = testPolicy();
    const [chat, agent] = builtinTools({}, p, {});
    assert.equal(chat.id, 'vscode.chat');
    assert.equal(chat.enabled, true);
    assert.equal(chat.status, 'approved');
    assert.equal(agent.enabled, true);
    assert.equal(agent.status, 'restricted');
    const off = builtinTools({ disableAIFeatures: true }, p, {});
    assert.equal(off[0].enabled, false);
    assert.equal(off[1].enabled, false);
    assert.equal(builtinTools({ agentEnabled: false }, p, {})[1].enabled, false);
    p.mcp!.agents!.autonomousMode = 'prohibited';
    assert.equal(builtinTools({}, p, {})[1].status, 'prohibited');
    p.tools = p.tools.filter((t) => t.id !== 'vscode-chat');
    assert.equal(builtinTools({}, p, {})[0].status, 'unlisted');
  });
});
