// Which AI agents are present on this machine: an editor extension, a command on PATH, or the agent's
// configuration folder. Each agent found is reported with whether the policy hook is installed for it.
import { existsSync, statSync } from 'node:fs';
import path = require('node:path');
import { HARNESS_NAMES } from './denials';
import { hooksInstalled } from './install';
import type { Harness } from './request';

export interface DetectedAgent {
  harness: Harness;
  name: string;
  /** How it was found: `extension:<id>`, `command:<name>`, `folder:<path>`. */
  evidence: string[];
  hooks: { user: boolean; project: boolean };
}

const SIGNS: Readonly<Record<Harness, { extensions: string[]; commands: string[]; folders: string[] }>> = {
  claude: { extensions: ['anthropic.claude-code'], commands: ['claude'], folders: ['.claude'] },
  codex: { extensions: ['openai.chatgpt'], commands: ['codex'], folders: ['.codex'] },
  copilot: { extensions: [], commands: ['copilot'], folders: ['.copilot'] },
  cursor: { extensions: [], commands: ['cursor-agent'], folders: ['.cursor'] },
  vscode: { extensions: ['github.copilot-chat'], commands: [], folders: [] },
};

function onPath(command: string, pathEnv: string, exts: string[]): boolean {
  for (const dir of pathEnv.split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      try {
        if (statSync(path.join(dir, command + ext)).isFile()) return true;
      } catch {
        // not here
      }
    }
  }
  return false;
}

export interface DetectOptions {
  home: string;
  project?: string;
  /** Installed editor extension ids (any case). */
  extensions: readonly string[];
  pathEnv?: string;
  platform?: NodeJS.Platform;
  /** The editor asking is VS Code with its own agent mode on: VS Code's agent is then present without any extension. */
  editorAgent?: boolean;
}

export async function detectAgents(o: DetectOptions): Promise<DetectedAgent[]> {
  const ids = new Set(o.extensions.map((e) => e.toLowerCase()));
  const exts = (o.platform ?? process.platform) === 'win32' ? ['.exe', '.cmd', '.bat', ''] : [''];
  const out: DetectedAgent[] = [];
  for (const harness of Object.keys(SIGNS) as Harness[]) {
    const s = SIGNS[harness];
    const evidence = [
      ...s.extensions.filter((e) => ids.has(e)).map((e) => `extension:${e}`),
      ...s.commands.filter((c) => onPath(c, o.pathEnv ?? process.env.PATH ?? '', exts)).map((c) => `command:${c}`),
      ...s.folders.filter((f) => existsSync(path.join(o.home, f))).map((f) => `folder:~/${f}`),
      ...(harness === 'vscode' && o.editorAgent ? ['editor:agent-mode'] : []),
    ];
    if (!evidence.length) continue;
    const project = o.project ?? o.home;
    out.push({
      harness,
      name: HARNESS_NAMES[harness],
      evidence,
      hooks: {
        user: await hooksInstalled({ harness, scope: 'user', home: o.home, project }),
        project: o.project ? await hooksInstalled({ harness, scope: 'project', home: o.home, project: o.project }) : false,
      },
    });
  }
  return out;
}
