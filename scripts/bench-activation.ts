// Activation inside the real VS Code, as the editor reports it ("Developer: Show Running Extensions"): the
// packaged .vsix installed into the VS Code server (the demo's setup), a fresh profile per start, and the
// built-in Git extension's figure from the same table in the same start. Median of BENCH_ACTIVATION_RUNS
// starts (default 5); absolute times on 2 shared cores swing, so compare the two columns, not runs.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { startDemo } from './demo/demo';
import { CHROMIUM_ARGS, type Session } from '../test/harness/launcher';
import { repoRoot } from '../test/harness/workspaceSetup';
import { Workbench } from '../test/ui/workbench';

const RUNS = Number(process.env.BENCH_ACTIVATION_RUNS ?? 5);
const root = repoRoot();

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Activation times (ms) by extension display name, read from the Running Extensions editor. */
async function activationTimes(wb: Workbench, names: string[]): Promise<Record<string, number>> {
  await wb.runCommand('Developer: Show Running Extensions');
  const rows = wb.page.locator('.runtime-extensions-editor .extension');
  const out: Record<string, number> = {};
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && names.some((n) => out[n] === undefined)) {
    for (const row of await rows.all()) {
      const name = (await row.locator('.name').first().innerText().catch(() => '')).trim();
      const time = (await row.locator('.activation-time').first().innerText().catch(() => '')).trim();
      const ms = /([\d.]+)\s*ms/.exec(time);
      if (names.includes(name) && ms) out[name] = Number(ms[1]);
    }
    if (names.some((n) => out[n] === undefined)) await wb.page.waitForTimeout(500);
  }
  return out;
}

async function oneStart(i: number, stateDir: string): Promise<Record<string, number>> {
  const demo = await startDemo({ root, stateDir, editorPort: 0, name: `bench-activation-${i}`, log: () => undefined });
  const browser = await chromium.launch({ executablePath: process.env.AI_POLICY_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const session = {
    page,
    browser,
    url: demo.editorUrl,
    screenshot: async () => '',
    close: async () => {
      await browser.close().catch(() => undefined);
      await demo.stop();
    },
  } as unknown as Session;
  await page.goto(demo.editorUrl);
  const wb = await Workbench.attach(session, `bench-activation-${i}`);
  try {
    // Let the window settle (the first paint, the policy load), then read the table.
    await page.waitForTimeout(3000);
    return await activationTimes(wb, ['AI Tool Policy', 'Git']);
  } finally {
    await wb.close();
  }
}

async function main(): Promise<void> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-activation-'));
  const ours: number[] = [];
  const git: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const t = await oneStart(i, stateDir);
      if (t['AI Tool Policy'] === undefined || t.Git === undefined) throw new Error(`start ${i + 1}: the Running Extensions table did not list both (${JSON.stringify(t)})`);
      ours.push(t['AI Tool Policy']);
      git.push(t.Git);
      console.log(`start ${i + 1}: AI Tool Policy ${t['AI Tool Policy']} ms, Git ${t.Git} ms`);
    }
  } finally {
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
  const [a, g] = [median(ours), median(git)];
  console.log(`activation (VS Code's own figure, ${RUNS} fresh starts, packaged .vsix): AI Tool Policy median ${a} ms, Git median ${g} ms, ratio ${(a / g).toFixed(2)} (goal <= 1.00)`);
  console.log(`load average now: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
