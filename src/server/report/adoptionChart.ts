// The 12-week adoption trend as server-rendered SVG: per week, developers who used approved tools only
// (blue) and those who used an unapproved tool (red, stacked on top); no script, no external asset, so
// the dashboard's strict CSP holds. Colours are SVG presentation attributes (not styles, which the CSP
// would block).
import { esc } from './charts';

export interface WeekPoint {
  week: string;
  active: number;
  approved: number;
  unapproved: number;
}

export function trendChart(title: string, weeks: readonly WeekPoint[]): string {
  if (!weeks.some((w) => w.active)) return `<p class="empty">${esc(title)}: no use reported in these weeks.</p>`;
  const h = 180;
  const left = 40;
  const colW = 44;
  const top = Math.max(1, ...weeks.map((w) => w.active));
  const scale = (v: number): number => Math.round((v / top) * (h - 24));
  const cols = weeks
    .map((w, i) => {
      const x = left + i * colW;
      // A developer who used both counts once, as unapproved use.
      const shadow = w.unapproved;
      const clean = Math.max(0, w.active - shadow);
      const tip = `week of ${w.week}: ${w.active} active, ${shadow} on unapproved tools`;
      const yClean = h - scale(clean);
      return (
        `<g><title>${esc(tip)}</title>` +
        `<rect x="${x}" y="${yClean}" width="${colW - 8}" height="${scale(clean)}" fill="#0969da" class="trend-approved"/>` +
        `<rect x="${x}" y="${yClean - scale(shadow)}" width="${colW - 8}" height="${scale(shadow)}" fill="#cf222e" class="trend-unapproved"/>` +
        `<text x="${x + (colW - 8) / 2}" y="${yClean - scale(shadow) - 4}" text-anchor="middle">${w.active}</text>` +
        `<text x="${x + (colW - 8) / 2}" y="${h + 16}" text-anchor="middle">${esc(w.week.slice(5))}</text></g>`
      );
    })
    .join('');
  const w = left + weeks.length * colW + 10;
  const axis = `<text x="${left - 6}" y="${h - scale(top) + 4}" text-anchor="end">${top}</text><text x="${left - 6}" y="${h}" text-anchor="end">0</text>`;
  const caption = `${title} (blue: approved tools only, red: used an unapproved tool)`;
  return `<figure id="adoption-trend"><svg role="img" aria-label="${esc(caption)}" viewBox="0 0 ${w} ${h + 24}" width="${w}" height="${h + 24}">${cols}${axis}</svg><figcaption>${esc(caption)}</figcaption></figure>`;
}
