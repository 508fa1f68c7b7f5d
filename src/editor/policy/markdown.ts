// A small Markdown renderer for policy text that cannot emit markup of its own: everything is
// escaped first, then a fixed set of constructs (headings, lists, emphasis, code, links) is added.
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Only https and mailto links become anchors; anything else stays text. */
export function safeHref(url: string): string | undefined {
  return /^(https:\/\/|mailto:)[^\s"'<>]+$/i.test(url) ? url : undefined;
}

function inline(text: string): string {
  const codes: string[] = [];
  let s = text.replace(/`([^`]+)`/g, (_m, c: string) => `\u0000${codes.push(`<code>${escapeHtml(c)}</code>`) - 1}\u0000`);
  const links: string[] = [];
  s = s.replace(/\[([^\]]+)\]\(([^)\s]+)\)|<((?:https:\/\/|mailto:)[^>\s]+)>/g, (m, label: string | undefined, url: string | undefined, auto: string | undefined) => {
    const href = safeHref(auto ?? url ?? '');
    const shown = auto ?? label ?? m;
    const html = href ? `<a href="${escapeHtml(href)}">${emphasis(escapeHtml(shown))}</a>` : emphasis(escapeHtml(shown));
    return `\u0001${links.push(html) - 1}\u0001`;
  });
  s = emphasis(escapeHtml(s));
  s = s.replace(/\u0001(\d+)\u0001/g, (_m, i: string) => links[Number(i)]);
  return s.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => codes[Number(i)]);
}

function emphasis(escaped: string): string {
  return escaped
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/__([^_]+)__/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
    .replace(/(^|[^_\w])_([^_\s][^_]*)_(?!\w)/g, '$1<em>$2</em>');
}

export function renderMarkdown(md: string): string {
  const out: string[] = [];
  let list: 'ul' | 'ol' | undefined;
  let para: string[] = [];
  let fence: string[] | undefined;
  const flushPara = () => {
    if (para.length) out.push(`<p>${inline(para.join(' '))}</p>`);
    para = [];
  };
  const closeList = () => {
    if (list) out.push(`</${list}>`);
    list = undefined;
  };
  for (const raw of md.replace(/\r\n?/g, '\n').split('\n')) {
    if (fence) {
      if (/^\s*```/.test(raw)) {
        out.push(`<pre><code>${escapeHtml(fence.join('\n'))}</code></pre>`);
        fence = undefined;
      } else fence.push(raw);
      continue;
    }
    const line = raw.trimEnd();
    let m: RegExpMatchArray | null;
    if (/^\s*```/.test(line)) {
      flushPara();
      closeList();
      fence = [];
    } else if (!line.trim()) {
      flushPara();
      closeList();
    } else if ((m = line.match(/^(#{1,6})\s+(.*)$/))) {
      flushPara();
      closeList();
      const level = Math.min(6, m[1].length + 2);
      out.push(`<h${level}>${inline(m[2])}</h${level}>`);
    } else if ((m = line.match(/^\s*([-*+]|\d+[.)])\s+(.*)$/))) {
      flushPara();
      const kind = /\d/.test(m[1]) ? 'ol' : 'ul';
      if (list !== kind) {
        closeList();
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li>${inline(m[2])}</li>`);
    } else if (list && /^\s{2,}\S/.test(raw)) {
      // Continuation of the previous list item.
      const last = out.pop() ?? '<li></li>';
      out.push(last.replace(/<\/li>$/, ` ${inline(line.trim())}</li>`));
    } else {
      closeList();
      para.push(line.trim());
    }
  }
  if (fence) out.push(`<pre><code>${escapeHtml(fence.join('\n'))}</code></pre>`);
  flushPara();
  closeList();
  return out.join('\n');
}
