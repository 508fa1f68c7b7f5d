// PostgreSQL schema 4 → 5: the log gains its index by event type (the SQLite twin is in
// test/unit/server/migration.test.ts); the records of a type read the same through it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pg from 'pg';
import { openStore } from '../../src/server/store';
import { SCHEMA_VERSION } from '../../src/server/store/postgres/schema';
import { checkedEvent, inventoriesAndHookActivity, testDbSpec } from '../unit/server/helpers';

describe('PostgreSQL: schema 4 → 5', function () {
  this.timeout(120_000);
  before(function () {
    if (!process.env.AI_POLICY_TEST_PG) throw new Error('run in the pg tier (AI_POLICY_TEST_PG is not set)');
  });

  it('indexes the log by event type; the records of a type read the same', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-pgv4-'));
    const url = await testDbSpec(dir);
    const first = await openStore(url);
    try {
      await first.ingest({ events: inventoriesAndHookActivity().map(checkedEvent), received: new Date().toISOString(), auth: 'shared' });
    } finally {
      await first.close();
    }
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    let expected: unknown[];
    try {
      // Back to schema 4: the same tables without the index.
      await c.query(`DROP INDEX events_type; UPDATE schema_meta SET version = 4`);
      expected = (await c.query(`SELECT seq::integer, type, at::float8, developer, auth, received, body FROM events WHERE type = 'agent.activity' ORDER BY seq`)).rows;
    } finally {
      await c.end();
    }
    assert.equal(expected.length, 4);
    const store = await openStore(url);
    try {
      assert.deepEqual(await store.chainedRecords(['agent.activity']), expected);
      assert.equal((await store.health()).schemaVersion, SCHEMA_VERSION);
    } finally {
      await store.close();
    }
    const d = new pg.Client({ connectionString: url });
    await d.connect();
    try {
      assert.equal((await d.query(`SELECT to_regclass('events_type') IS NOT NULL AS present`)).rows[0].present, true);
    } finally {
      await d.end();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
