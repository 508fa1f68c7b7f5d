// What checking a batch costs the server (validateBatch, no store): the synthetic fleet's events as today's
// editor sends them, the same with two fields this version does not know on each event (one in the envelope,
// one on each tool or in data), and events of a type it does not know. Median of 5 runs of a 9 000-event batch.
// Usage: node esbuild.js --tests && node out/scripts/bench-skew.js (the same file bundled against an older
// checkout's src measures that release: it refuses the last two batches).
import { validateBatch } from '../src/server/validate';
import { makeEvent } from './bench/serverEvents';

const N = 9000;
const RUNS = 5;

function withUnknown(i: number): Record<string, unknown> {
  const e = makeEvent(i, N) as unknown as Record<string, unknown>;
  const data = { ...(e.data as Record<string, unknown>) };
  if (Array.isArray(data.tools) && typeof data.tools[0] === 'object') data.tools = (data.tools as Record<string, unknown>[]).map((t) => ({ ...t, seatKind: 'business' }));
  else data.confidence = 0.9;
  return { ...e, data, channel: 'insiders' };
}

function unknownType(i: number): Record<string, unknown> {
  return { ...makeEvent(i, N), type: 'agent.dreamed', data: { harness: 'claude-code', minutes: i % 60, tags: ['a', 'b'] } };
}

function measure(label: string, make: (i: number) => unknown): void {
  const body = JSON.stringify({ events: Array.from({ length: N }, (_, i) => make(i)) });
  const times: number[] = [];
  let noted = 0;
  for (let r = 0; r < RUNS; r++) {
    const t = process.hrtime.bigint();
    const v = validateBatch(body);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (!v.ok) return console.log(`${label.padEnd(44)} refused (400/422): ${v.reason.slice(0, 80)}`);
    noted = v.events.filter((e) => e.note).length;
  }
  const ms = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
  console.log(`${label.padEnd(44)} ${ms.toFixed(1).padStart(7)} ms  ${Math.round(N / (ms / 1000)).toLocaleString('en-US').padStart(9)} events/s  ${(body.length / 1e6).toFixed(1)} MB  ${noted} noted`);
}

console.log(`validateBatch on a ${N}-event batch (median of ${RUNS}):`);
measure('understood in full', (i) => makeEvent(i, N));
measure('2 unknown fields per event', withUnknown);
measure('unknown event type', unknownType);
