// YAML (or JSON) text to a plain value, with a locator that maps JSON pointers back to line:col.
import type { Document, Node } from 'yaml';
import { yaml } from '../lazyModules';
import type { PolicyProblem } from './types';

export interface Position {
  /** 1-based */
  line: number;
  /** 1-based */
  col: number;
}

export interface ParsedYaml {
  value: unknown;
  problems: PolicyProblem[];
  /** Where the node at a JSON pointer starts; `key` asks for the map key instead of the value. */
  locate(pointer: string, key?: boolean): Position | undefined;
}

export function pointerSegments(pointer: string): string[] {
  if (!pointer || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function parseYaml(text: string): ParsedYaml {
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const problems: PolicyProblem[] = [];
  for (const e of doc.errors) {
    const message = e.code === 'MULTIPLE_DOCS' ? 'a policy file holds one YAML document; remove the second "---" and what follows' : firstLine(e.message);
    problems.push({ severity: 'error', code: 'yaml', message, ...at(e.pos[0]) });
  }
  for (const w of doc.warnings) problems.push({ severity: 'warning', code: 'yaml', message: firstLine(w.message), ...at(w.pos[0]) });
  let value: unknown;
  if (!doc.errors.length) {
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      // Alias bombs and similar: reported like a syntax error, never thrown to the caller.
      const offset = rangeOf(doc.contents) ?? 0;
      problems.push({ severity: 'error', code: 'yaml', message: e instanceof Error ? firstLine(e.message) : String(e), ...at(offset) });
    }
  }
  return {
    value,
    problems,
    locate(pointer, key = false) {
      const range = findRange(doc, pointerSegments(pointer), key);
      return range === undefined ? undefined : at(range);
    },
  };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Start offset of the deepest node on the path (the parent when the path does not exist). */
function findRange(doc: Document, segments: string[], key: boolean): number | undefined {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let node: unknown = doc.contents;
  let start = rangeOf(node);
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i];
    const last = i === segments.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === seg);
      if (!pair) return start;
      if (last && key) return rangeOf(pair.key) ?? start;
      node = pair.value;
      start = rangeOf(pair.value) ?? rangeOf(pair.key) ?? start;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) return start;
      node = item;
      start = rangeOf(item) ?? start;
    } else {
      return start;
    }
  }
  return start;
}

function rangeOf(node: unknown): number | undefined {
  const r = (node as Node | null | undefined)?.range;
  return r ? r[0] : undefined;
}
