// The demo organization for the adoption view: a roster of 300 developers in 6 teams, and 8 weeks of
// generated use sent to the demo server as the agents and editors send it: Claude Code, Codex and Gemini
// CLI telemetry over OTLP (/v1/metrics, /v1/logs, JSON), and editor inventories with the days GitHub
// Copilot Chat was active. Adoption grows week by week and differs per team. Sent once per database.
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';

const TEAMS = ['payments', 'platform', 'mobile', 'data', 'web', 'security'];
const DEVELOPERS = 300;
const DAYS = 56;
const DAY_MS = 86_400_000;

const dev = (i: number): string => `dev${String(i).padStart(3, '0')}@northwind.example`;

export function writeDemoRoster(file: string): void {
  fs.writeFileSync(file, 'developer,team\n' + Array.from({ length: DEVELOPERS }, (_, i) => `${dev(i)},${TEAMS[i % TEAMS.length]}\n`).join(''));
}

/** A stable pseudo-random number in [0, 1) for a developer, day and salt. */
function chance(i: number, d: number, salt: number): number {
  let h = (i * 374761393 + d * 668265263 + salt * 2147483647) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 1274126177) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

const str = (v: string) => ({ stringValue: v });
const attrs = (o: Record<string, string>) => Object.entries(o).map(([key, v]) => ({ key, value: str(v) }));

function post(url: string, token: string, body: unknown): Promise<number> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(text);
  });
}

/** Sends the demo's 8 weeks of use (ending yesterday) to the server at `base` (ending with /). */
export async function seedDemoUsage(base: string, token: string, log: (l: string) => void): Promise<void> {
  const today = Math.floor(Date.now() / DAY_MS);
  let refusedInventories = false;
  for (let d = 0; d < DAYS; d++) {
    const day = today - DAYS + d;
    const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7 < 5;
    if (!weekday) continue;
    const nanos = String(BigInt(day * DAY_MS + 15 * 3600_000) * 1_000_000n);
    const start = String(BigInt(day * DAY_MS + 8 * 3600_000) * 1_000_000n);
    const claude: unknown[] = [];
    const gemini: unknown[] = [];
    const codexLogs: unknown[] = [];
    const inventories: unknown[] = [];
    for (let i = 0; i < DEVELOPERS; i++) {
      const team = i % TEAMS.length;
      // Adoption grows over the 8 weeks, faster in some teams.
      const growth = 0.25 + (0.55 * d) / DAYS - team * 0.04;
      const email = dev(i);
      if (chance(i, d, 1) < growth * 0.3) {
        const p = (name: string, v: number, extra: Record<string, string> = {}) => ({ name, sum: { aggregationTemporality: 1, isMonotonic: true, dataPoints: [{ startTimeUnixNano: start, timeUnixNano: nanos, asDouble: v, attributes: attrs({ 'user.email': email, ...extra }) }] } });
        claude.push(
          p('claude_code.session.count', 1 + Math.floor(chance(i, d, 2) * 3)),
          p('claude_code.lines_of_code.count', 40 + Math.floor(chance(i, d, 3) * 300), { type: 'added' }),
          p('claude_code.lines_of_code.count', 10 + Math.floor(chance(i, d, 4) * 80), { type: 'removed' }),
          p('claude_code.commit.count', Math.floor(chance(i, d, 5) * 4)),
          p('claude_code.token.usage', 50_000 + Math.floor(chance(i, d, 6) * 200_000), { type: 'input', model: 'claude-sonnet-4-5' }),
          p('claude_code.token.usage', 8_000 + Math.floor(chance(i, d, 7) * 30_000), { type: 'output', model: 'claude-sonnet-4-5' }),
          p('claude_code.cost.usage', Math.round(chance(i, d, 8) * 600) / 100, { model: 'claude-sonnet-4-5' }),
          p('claude_code.active_time.total', 600 + Math.floor(chance(i, d, 9) * 5000)),
        );
      }
      if (team === 3 && chance(i, d, 10) < 0.3) {
        gemini.push({ name: 'gemini_cli.session.count', sum: { aggregationTemporality: 1, isMonotonic: true, dataPoints: [{ startTimeUnixNano: start, timeUnixNano: nanos, asInt: '1', attributes: attrs({ 'user.email': email }) }] } });
      }
      if (i % 9 === 0 && chance(i, d, 11) < 0.5) {
        for (const name of ['codex.conversation_starts', 'codex.user_prompt', 'codex.tool_result', 'codex.tool_result']) codexLogs.push({ timeUnixNano: nanos, attributes: attrs({ 'event.name': name, 'user.email': email }) });
      }
      if (chance(i, d, 12) < growth + 0.15) {
        const ymd = new Date(day * DAY_MS).toISOString().slice(0, 10);
        inventories.push({
          id: randomUUID(), type: 'inventory', time: new Date(day * DAY_MS + 17 * 3600_000).toISOString(), developer: email, machine: `m-${i}`,
          editor: { name: 'Visual Studio Code', version: '1.106.0' }, extensionVersion: '0.1.0',
          data: { reason: 'interval', tools: [{ id: 'github.copilot-chat', name: 'GitHub Copilot Chat', kind: 'extension', status: 'approved', enabled: true, active: true, activeDays: [ymd] }] },
        });
      }
    }
    const resource = (service: string) => ({ attributes: attrs({ 'service.name': service }) });
    const sends: [string, unknown][] = [
      ['v1/metrics', { resourceMetrics: [{ resource: resource('claude-code'), scopeMetrics: [{ scope: { name: 'com.anthropic.claude_code' }, metrics: claude }] }, { resource: resource('gemini-cli'), scopeMetrics: [{ scope: { name: 'gemini-cli' }, metrics: gemini }] }] }],
      ['v1/logs', { resourceLogs: [{ resource: resource('codex_cli_rs'), scopeLogs: [{ scope: { name: 'codex_otel' }, logRecords: codexLogs }] }] }],
    ];
    for (const [route, body] of sends) {
      const status = await post(base + route, token, body);
      if (status !== 200) throw new Error(`the demo server answered ${status} to ${route}`);
    }
    if (!refusedInventories && inventories.length) {
      const status = await post(base + 'v1/events', token, { events: inventories });
      if (status === 400) {
        refusedInventories = true;
        log('This server does not take the inventory field activeDays yet: the demo shows agent telemetry only.');
      } else if (status !== 200) throw new Error(`the demo server answered ${status} to v1/events`);
    }
  }
}
