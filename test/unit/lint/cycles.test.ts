// Modules never import each other, not even for types: a type two files share lives in a third, leaf file.
// The imports are read with TypeScript's own pre-processor (every `import` and `export ... from`, type-only
// ones included) and cycles are found as strongly connected components of the import graph.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { repoRoot } from '../../harness/workspaceSetup';

const SRC = path.join(repoRoot(), 'src');
// The lazy loader names the types of the modules it loads on demand (src/core/lazyModules.ts): the loader
// sits above what it loads by design, and loads it only at run time through a require inside a function.
const LAZY_LOADER = path.join(SRC, 'core', 'lazyModules.ts');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function resolve(from: string, spec: string): string | undefined {
  const base = path.resolve(path.dirname(from), spec);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((c) => fs.existsSync(c));
}

/** file -> the files of src it imports (relative imports only; packages are leaves here). */
export function importGraph(files: readonly string[]): Map<string, string[]> {
  return new Map(
    files.map((f) => {
      const info = ts.preProcessFile(fs.readFileSync(f, 'utf8'), true, false);
      const targets = info.importedFiles.filter((i) => i.fileName.startsWith('.')).map((i) => resolve(f, i.fileName));
      return [f, targets.filter((t): t is string => t !== undefined)];
    }),
  );
}

/** Tarjan's strongly connected components with more than one file: each one is an import cycle. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('lint: no import cycles in src', () => {
  const graph = importGraph(sources(SRC));

  it('finds a cycle when one is there (the check itself)', () => {
    const a = path.join(SRC, 'a.ts');
    const b = path.join(SRC, 'b.ts');
    assert.deepEqual(cycles(new Map([[a, [b]], [b, [a]]])), [[a, b]]);
    assert.deepEqual(cycles(new Map([[a, [b]], [b, []]])), []);
  });

  it('reads type-only imports and re-exports as edges', () => {
    const routes = graph.get(path.join(SRC, 'server', 'viewRoutes.ts')) ?? [];
    assert.ok(routes.includes(path.join(SRC, 'server', 'context.ts')), 'import type { Ctx }');
    const events = graph.get(path.join(SRC, 'core', 'audit', 'events.ts')) ?? [];
    assert.ok(events.includes(path.join(SRC, 'core', 'audit', 'eventTypes.ts')), 'export { ... } from');
  });

  it('no two modules import each other, directly or through others', () => {
    const edges = new Map([...graph].map(([f, to]) => [f, f === LAZY_LOADER ? [] : to]));
    const rel = cycles(edges).map((c) => c.map((f) => path.relative(SRC, f)).join(' -> '));
    assert.deepEqual(rel, []);
  });
});
