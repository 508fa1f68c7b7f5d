// Merges approved exceptions into a policy's YAML text as the next version. The yaml library's Document API
// finds where things are; the text is then edited only there (the version number, and the new entries
// after the last existing one), so that the author's comments, quoting, flow lists and layout stay byte for
// byte. Only an unusual layout (a flow-style `exceptions` or `granted`) is written back through the Document.
import type { Node } from 'yaml';
import { yaml } from '../lazyModules';
import type { PolicyException } from './types';

export interface MergeResult {
  text: string;
  version: number;
  added: PolicyException[];
  /** Already in the policy (same request id or exception id): left as they are. */
  present: PolicyException[];
}

interface Edit {
  at: number;
  end: number;
  text: string;
}

const column = (text: string, offset: number): number => offset - (text.lastIndexOf('\n', offset - 1) + 1);
const indent = (block: string, by: number): string =>
  block
    .split('\n')
    .map((l) => (l ? ' '.repeat(by) + l : l))
    .join('\n');

/** The entries as a block list at column 0, one `- id: …` item each. */
function itemsText(items: PolicyException[]): string {
  return new (yaml().Document)(items).toString({ lineWidth: 0 });
}

/** The text with the new exceptions appended under `exceptions.granted` and `version` raised by one. */
export function mergeExceptions(text: string, incoming: PolicyException[]): MergeResult {
  const { isMap, isScalar, isSeq, parseDocument } = yaml();
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(`the policy is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`);
  if (!isMap(doc.contents)) throw new Error('the policy is not a YAML mapping');
  const versionNode = doc.get('version', true);
  if (!isScalar(versionNode) || typeof versionNode.value !== 'number' || !Number.isInteger(versionNode.value) || !versionNode.range) {
    throw new Error('the policy has no integer version');
  }
  const section = doc.get('exceptions', true) as Node | undefined;
  if (section !== undefined && !isMap(section)) throw new Error('exceptions is not a mapping');
  const granted = section?.get('granted', true) as Node | undefined;
  if (granted !== undefined && !isSeq(granted)) throw new Error('exceptions.granted is not a list');

  const existing = ((granted?.toJSON() ?? []) as unknown[]).map((e) => (e && typeof e === 'object' ? (e as Partial<PolicyException>) : {}));
  const added: PolicyException[] = [];
  const present: PolicyException[] = [];
  for (const e of incoming) {
    if (existing.some((x) => (x.requestId !== undefined && x.requestId === e.requestId) || x.id === e.id)) present.push(e);
    else {
      existing.push(e);
      added.push(e);
    }
  }
  const version = versionNode.value + (added.length ? 1 : 0);
  if (!added.length) return { text, version, added, present };

  const edits: Edit[] = [{ at: versionNode.range[0], end: versionNode.range[1], text: String(version) }];
  const newline = (at: number) => (at > 0 && text[at - 1] !== '\n' ? '\n' : '');
  if (!section) {
    edits.push({ at: text.length, end: text.length, text: `${newline(text.length)}\nexceptions:\n  granted:\n${indent(itemsText(added), 4)}` });
  } else if (isSeq(granted) && !granted.flow && granted.range && granted.items.length) {
    const at = granted.range[1];
    edits.push({ at, end: at, text: newline(at) + indent(itemsText(added), column(text, granted.range[0])) });
  } else if (!granted && !section.flow && section.range && section.items.length) {
    const at = section.range[1];
    const pad = column(text, section.range[0]);
    edits.push({ at, end: at, text: `${newline(at)}${' '.repeat(pad)}granted:\n${indent(itemsText(added), pad + 2)}` });
  } else {
    // A flow-style or empty section: the Document writes it (the rest of the file may be re-spaced).
    versionNode.value = version;
    const list = isSeq(granted) ? granted : doc.createNode([]);
    for (const e of added) list.add(doc.createNode(e));
    section.set('granted', list);
    if (isSeq(granted)) granted.flow = false;
    return { text: doc.toString({ lineWidth: 0 }), version, added, present };
  }
  let out = text;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return { text: out, version, added, present };
}
