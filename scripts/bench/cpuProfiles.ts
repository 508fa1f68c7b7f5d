// Sums the self time of V8 CPU profiles (`node --cpu-prof`, .cpuprofile JSON) by function, per group of runs,
// for bench-hook-corpus --profile: where an allowed and a denied hook call spend their time, on average.
import * as fs from 'node:fs';
import * as path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTimes {
  runs: number;
  /** Mean milliseconds per run, by `function file:line`, and by the frame's own file. */
  byFunction: Map<string, number>;
  byFile: Map<string, number>;
  /** Mean milliseconds per run with the function anywhere on the stack (its callees included). */
  inclusive: Map<string, number>;
  meanTotal: number;
}

function frameName(n: ProfileNode): { fn: string; file: string } {
  const file = n.callFrame.url ? path.basename(n.callFrame.url.replace(/^file:\/\//, '')) : n.callFrame.functionName.startsWith('(') ? n.callFrame.functionName : '(native)';
  return { fn: `${n.callFrame.functionName || '(anonymous)'} ${file}:${n.callFrame.lineNumber + 1}`, file };
}

/** Self time of every .cpuprofile in `dir`, averaged per profile. */
export function selfTimes(dir: string): SelfTimes {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')) : [];
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  for (const f of files) {
    const p = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Profile;
    const nodes = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    // Sample i lasted timeDeltas[i + 1] (the last one until endTime).
    p.samples.forEach((id, i) => {
      const us = i + 1 < p.timeDeltas.length ? p.timeDeltas[i + 1] : p.endTime - p.startTime - p.timeDeltas.slice(0, i + 1).reduce((a, b) => a + b, 0);
      const node = nodes.get(id);
      if (!node || us < 0) return;
      const { fn, file } = frameName(node);
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + us / 1000);
      byFile.set(file, (byFile.get(file) ?? 0) + us / 1000);
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = nodes.get(at);
        if (!frame) break;
        const name = frameName(frame).fn;
        if (seen.has(name)) continue;
        seen.add(name);
        inclusive.set(name, (inclusive.get(name) ?? 0) + us / 1000);
      }
    });
    total += (p.endTime - p.startTime) / 1000;
  }
  const n = Math.max(1, files.length);
  for (const m of [byFunction, byFile, inclusive]) for (const [k, v] of m) m.set(k, v / n);
  return { runs: files.length, byFunction, byFile, inclusive, meanTotal: total / n };
}

/** The `top` largest entries of `m`, as lines. */
export function topLines(m: Map<string, number>, top: number): string[] {
  return [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([k, v]) => `${v.toFixed(1).padStart(7)} ms  ${k}`);
}
