// PostgreSQL schema 3 → 4: the running totals per developer and tool are summed from the daily usage rows
// there are, and kept by every later batch (the SQLite twin is in test/unit/server/migration.test.ts).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pg from 'pg';
import { openStore } from '../../src/server/store';
import { DAY_MS } from '../../src/server/store/eventFold';
import { SCHEMA_USAGE, SCHEMA_V1, SCHEMA_V2_COLUMNS, SCHEMA_VERSION } from '../../src/server/store/postgres/schema';
import { COLUMN, USAGE_FIELDS } from '../../src/server/usage/fields';
import { testDbSpec } from '../unit/server/helpers';
import { dailyRows, FIRST_DAY, foldRaw, generatedBatches, laterBatch } from '../unit/server/usageFold';

describe('PostgreSQL: schema 3 → 4', function () {
  this.timeout(120_000);
  before(function () {
    if (!process.env.AI_POLICY_TEST_PG) throw new Error('run in the pg tier (AI_POLICY_TEST_PG is not set)');
  });

  it('sums the running totals from the daily usage rows and keeps them from then on', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-pgv3-'));
    const url = await testDbSpec(dir);
    const batches = generatedBatches(5, 5, 30);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(SCHEMA_V1 + SCHEMA_V2_COLUMNS + SCHEMA_USAGE);
      await c.query(`CREATE TABLE schema_meta (one boolean PRIMARY KEY DEFAULT true CHECK (one), version integer NOT NULL); INSERT INTO schema_meta (version) VALUES (3)`);
      const cols = USAGE_FIELDS.map((f) => COLUMN[f]);
      for (const r of dailyRows(batches)) {
        await c.query(`INSERT INTO usage_days (day, developer, tool, source, ${cols.join(', ')}) VALUES (${[...Array(cols.length + 4).keys()].map((i) => `$${i + 1}`).join(', ')})`, [r.day, r.developer, r.tool, r.source, ...r.values]);
      }
    } finally {
      await c.end();
    }
    const store = await openStore(url);
    try {
      const range = async (dS: number, dU: number) => (await store.reportRows({ since: dS * DAY_MS, until: dU * DAY_MS })).usage.byDeveloper;
      assert.deepEqual(await range(FIRST_DAY, FIRST_DAY + 29), foldRaw(batches, FIRST_DAY, FIRST_DAY + 29));
      assert.deepEqual(await range(FIRST_DAY + 4, FIRST_DAY + 17), foldRaw(batches, FIRST_DAY + 4, FIRST_DAY + 17));
      const later = laterBatch();
      await store.ingestUsage(later);
      assert.deepEqual(await range(FIRST_DAY - 1, FIRST_DAY + 100), foldRaw([...batches, later], FIRST_DAY - 1, FIRST_DAY + 100));
      assert.deepEqual(await range(FIRST_DAY + 2, FIRST_DAY + 2), foldRaw([...batches, later], FIRST_DAY + 2, FIRST_DAY + 2));
      assert.equal((await store.health()).schemaVersion, SCHEMA_VERSION);
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
