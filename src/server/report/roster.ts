// The roster (`--roster FILE`): the developers an auditor expects to see, one per CSV row (developer id,
// optional team), with or without a header row. Developers on it who never sent anything appear in the
// report as "no data". Re-read when the file changes; a broken new version keeps the previous one.
import * as fs from 'node:fs';
import { parse } from 'csv-parse/sync';

export interface RosterEntry {
  developer: string;
  team: string | null;
}

const HEADER = /^(developer|developer[ _-]?id|id|email|user)$/i;

/** Parses roster CSV text; throws with the line of the first problem. */
export function parseRoster(text: string): RosterEntry[] {
  const rows = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, comment: '#' }) as string[][];
  let devCol = 0;
  let teamCol = 1;
  let start = 0;
  const header = rows[0] ?? [];
  if (header.some((c) => HEADER.test(c))) {
    devCol = header.findIndex((c) => HEADER.test(c));
    teamCol = header.findIndex((c) => /^team$/i.test(c));
    start = 1;
  }
  const seen = new Map<string, RosterEntry>();
  for (let i = start; i < rows.length; i++) {
    const developer = rows[i][devCol] ?? '';
    if (!developer) continue;
    if (developer.length > 200) throw new Error(`row ${i + 1}: developer id longer than 200 characters`);
    const team = teamCol >= 0 ? (rows[i][teamCol] ?? '').slice(0, 200) || null : null;
    seen.set(developer, { developer, team });
  }
  return [...seen.values()];
}

export class Roster {
  private cache: { key: string; entries: RosterEntry[] } | undefined;

  /** Reads the file once now, so that a broken roster stops the server at start. */
  constructor(readonly file: string, private readonly log: (line: string) => void = () => undefined) {
    this.entries();
    if (!this.cache) throw new Error(`--roster: cannot read ${file}`);
  }

  entries(): RosterEntry[] {
    let key: string;
    try {
      const st = fs.statSync(this.file);
      key = `${st.mtimeMs}:${st.size}`;
    } catch (e) {
      if (!this.cache) throw new Error(`--roster: ${this.file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
      return this.cache.entries;
    }
    if (this.cache?.key === key) return this.cache.entries;
    try {
      this.cache = { key, entries: parseRoster(fs.readFileSync(this.file, 'utf8')) };
    } catch (e) {
      const why = `--roster: ${this.file}: ${e instanceof Error ? e.message : String(e)}`;
      if (!this.cache) throw new Error(why);
      this.log(`${why}; keeping the previous roster`);
    }
    return this.cache.entries;
  }
}
