// The pull request's disclosure section, read with a Markdown parser (markdown-it): the section is the
// heading the policy names (any level) up to the next heading of the same or a higher level; its ticked
// task-list items say whether AI tools were used, and the tools it names are taken from its text.
import MarkdownIt from 'markdown-it';
import { KNOWN_AGENTS } from './agents';

export interface PrSection {
  found: boolean;
  /** `none`: "no AI tool was used" ticked; `used`: another item ticked (or tools named without boxes); `unticked`; `both`. */
  answer: 'none' | 'used' | 'unticked' | 'both';
  /** Known agent ids named in the section (only when it says tools were used). */
  tools: string[];
}

const NOT_FOUND: PrSection = { found: false, answer: 'unticked', tools: [] };
const TICKED = /^\[[xX]\]\s*/;
const BOX = /^\[[ xX]\]\s*/;
/** A ticked item that says no AI tool was involved ("No AI tool was used", "None", "Not used"). */
const SAYS_NONE = /^(no\b|none\b|not used\b|nothing\b|without\b)/i;

function normalize(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** Text with HTML comments (template hints such as `<!-- e.g. GitHub Copilot -->`) removed. */
function withoutComments(s: string): string {
  return s.replace(/<!--[\s\S]*?-->/g, ' ');
}

/** The name as whole words in the line. */
function mentions(line: string, name: string): boolean {
  return new RegExp(`(^|[^\\w])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w])`, 'i').test(line);
}

export function readPrSection(body: string, heading: string): PrSection {
  const tokens = new MarkdownIt('commonmark').parse(withoutComments(body), {});
  const want = normalize(heading);
  let level = 0;
  let start = -1;
  let end = tokens.length;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type !== 'heading_open') continue;
    const l = Number(t.tag.slice(1));
    if (start < 0 && normalize(tokens[i + 1]?.content ?? '') === want) {
      start = i + 3;
      level = l;
    } else if (start >= 0 && l <= level) {
      end = i;
      break;
    }
  }
  if (start < 0) return NOT_FOUND;
  const inline = tokens.slice(start, end).filter((t) => t.type === 'inline');
  // The first line of a list item's paragraph carries its box.
  const items = inline.map((t) => t.content.trim()).filter((c) => BOX.test(c));
  const ticked = items.filter((c) => TICKED.test(c)).map((c) => c.replace(TICKED, ''));
  const none = ticked.some((c) => SAYS_NONE.test(c));
  const used = ticked.some((c) => !SAYS_NONE.test(c));
  const lines = inline.flatMap((t) => t.content.split('\n')).map((l) => l.replace(BOX, '').trim());
  const tools = KNOWN_AGENTS.filter((a) => lines.some((l) => a.pattern.test(l) || mentions(l, a.name))).map((a) => a.id);
  if (!items.length) return { found: true, answer: tools.length ? 'used' : 'unticked', tools };
  const answer = none && used ? 'both' : none ? 'none' : used ? 'used' : 'unticked';
  return { found: true, answer, tools: answer === 'used' || answer === 'both' ? tools : [] };
}
