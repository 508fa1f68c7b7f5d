// Small server-side SVG charts: no script, no external assets, readable in print.
export function esc(v: unknown): string {
  const s = String(v ?? '');
  // Most cells need no escaping: test before building a replacement.
  return SPECIAL.test(s) ? s.replace(SPECIALS, (c) => `&#${c.charCodeAt(0)};`) : s;
}

const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

export interface Bar {
  label: string;
  value: number;
  /** Shown instead of the value, e.g. a percentage. */
  text?: string;
}

/** Horizontal bars, one row per item; `max` fixes the scale (e.g. 1 for ratios). */
export function barChart(title: string, bars: Bar[], max?: number): string {
  if (!bars.length) return `<p class="empty">${esc(title)}: no data yet.</p>`;
  const row = 22;
  const labelW = 220;
  const barW = 360;
  const top = max ?? Math.max(1, ...bars.map((b) => b.value));
  const h = bars.length * row + 8;
  const body = bars
    .map((b, i) => {
      const y = i * row + 4;
      const w = Math.max(0, Math.round((b.value / top) * barW));
      return (
        `<text x="${labelW - 6}" y="${y + 14}" text-anchor="end">${esc(b.label.length > 34 ? b.label.slice(0, 33) + '…' : b.label)}</text>` +
        `<rect x="${labelW}" y="${y + 2}" width="${w}" height="${row - 6}" class="bar"/>` +
        `<text x="${labelW + w + 6}" y="${y + 14}">${esc(b.text ?? String(b.value))}</text>`
      );
    })
    .join('');
  return `<figure><svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${labelW + barW + 200} ${h}" width="${labelW + barW + 200}" height="${h}">${body}</svg><figcaption>${esc(title)}</figcaption></figure>`;
}

/** Columns over time: the total (light) behind the part (dark), e.g. reporting vs using developers per day. */
export function timeChart(title: string, points: { label: string; total: number; part: number }[]): string {
  if (!points.length) return `<p class="empty">${esc(title)}: no data yet.</p>`;
  const shown = points.slice(-90);
  const h = 160;
  const left = 36;
  const colW = Math.max(4, Math.min(24, Math.floor(640 / shown.length)));
  const top = Math.max(1, ...shown.map((p) => p.total));
  const scale = (v: number): number => Math.round((v / top) * (h - 20));
  const cols = shown
    .map((p, i) => {
      const x = left + i * colW;
      const tip = `${p.label}: ${p.part} of ${p.total}`;
      return (
        `<rect x="${x}" y="${h - scale(p.total)}" width="${colW - 1}" height="${scale(p.total)}" class="bar light"><title>${esc(tip)}</title></rect>` +
        `<rect x="${x}" y="${h - scale(p.part)}" width="${colW - 1}" height="${scale(p.part)}" class="bar"><title>${esc(tip)}</title></rect>`
      );
    })
    .join('');
  const w = left + shown.length * colW + 10;
  const axis =
    `<text x="${left - 4}" y="${h - scale(top) + 10}" text-anchor="end">${top}</text><text x="${left - 4}" y="${h}" text-anchor="end">0</text>` +
    `<text x="${left}" y="${h + 16}">${esc(shown[0].label)}</text><text x="${w - 10}" y="${h + 16}" text-anchor="end">${esc(shown[shown.length - 1].label)}</text>`;
  return `<figure><svg role="img" aria-label="${esc(title)}" viewBox="0 0 ${Math.max(w, 240)} ${h + 22}" width="${Math.max(w, 240)}" height="${h + 22}">${cols}${axis}</svg><figcaption>${esc(title)}</figcaption></figure>`;
}

/** Two series side by side per label (e.g. developers with unlisted and with prohibited tools, per week). */
export function pairChart(title: string, names: [string, string], points: { label: string; a: number; b: number }[]): string {
  if (!points.length) return `<p class="empty">${esc(title)}: no data.</p>`;
  const shown = points.slice(-104);
  const h = 160;
  const left = 36;
  const colW = Math.max(6, Math.min(24, Math.floor(640 / shown.length)));
  const top = Math.max(1, ...shown.map((p) => Math.max(p.a, p.b)));
  const scale = (v: number): number => Math.round((v / top) * (h - 20));
  const half = Math.max(2, Math.floor((colW - 2) / 2));
  const cols = shown
    .map((p, i) => {
      const x = left + i * colW;
      const tip = `${p.label}: ${names[0]} ${p.a}, ${names[1]} ${p.b}`;
      return (
        `<rect x="${x}" y="${h - scale(p.a)}" width="${half}" height="${scale(p.a)}" class="bar light"><title>${esc(tip)}</title></rect>` +
        `<rect x="${x + half}" y="${h - scale(p.b)}" width="${half}" height="${scale(p.b)}" class="bar"><title>${esc(tip)}</title></rect>`
      );
    })
    .join('');
  const w = left + shown.length * colW + 10;
  const axis =
    `<text x="${left - 4}" y="${h - scale(top) + 10}" text-anchor="end">${top}</text><text x="${left - 4}" y="${h}" text-anchor="end">0</text>` +
    `<text x="${left}" y="${h + 16}">${esc(shown[0].label)}</text><text x="${w - 10}" y="${h + 16}" text-anchor="end">${esc(shown[shown.length - 1].label)}</text>`;
  const caption = `${title} (light: ${names[0]}, dark: ${names[1]})`;
  return `<figure><svg role="img" aria-label="${esc(caption)}" viewBox="0 0 ${Math.max(w, 240)} ${h + 22}" width="${Math.max(w, 240)}" height="${h + 22}">${cols}${axis}</svg><figcaption>${esc(caption)}</figcaption></figure>`;
}
