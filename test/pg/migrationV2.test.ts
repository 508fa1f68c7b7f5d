// PostgreSQL schema 1 → 2: the enrollments that exist become chained records, the aggregates are folded
// again from the log (verified records gain their receive time), and verify-log holds afterwards.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import canonicalize from 'canonicalize';
import pg from 'pg';
import { openStore } from '../../src/server/store';
import { chainHash, GENESIS } from '../../src/server/store/chain';
import { SCHEMA_V1 } from '../../src/server/store/postgres/schema';
import { ev, testDbSpec } from '../unit/server/helpers';

describe('PostgreSQL: schema 1 → 2', function () {
  this.timeout(120_000);
  before(function () {
    if (!process.env.AI_POLICY_TEST_PG) throw new Error('run in the pg tier (AI_POLICY_TEST_PG is not set)');
  });

  it('chains the existing enrollments, refolds the aggregates, and verifies', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aip-pgv1-'));
    const url = await testDbSpec(dir);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      await c.query(SCHEMA_V1);
      await c.query(`CREATE TABLE schema_meta (one boolean PRIMARY KEY DEFAULT true CHECK (one), version integer NOT NULL); INSERT INTO schema_meta (version) VALUES (1)`);
      const e = ev('policy.acknowledged', 'ann@example.com', { version: 2, hash: 'c'.repeat(64) }, { time: '2026-11-02T09:00:00.000Z' });
      const body = canonicalize(e) as string;
      const received = '2026-11-02T09:00:01.000Z';
      const hash = chainHash(GENESIS, received, 'enrolled', body);
      await c.query(`INSERT INTO events (seq, id, type, time, at, developer, machine, policy_version, received, auth, body, hash) VALUES (1, $1, $2, $3, $4, $5, $6, 2, $7, 'enrolled', $8, $9)`, [e.id, e.type, e.time, Date.parse(e.time as string), e.developer, e.machine, received, body, hash]);
      await c.query(`UPDATE chain_head SET seq = 1, hash = $1`, [hash]);
      await c.query(`INSERT INTO counters (name, n) VALUES ('events', 1), ('duplicates', 3)`);
      await c.query(`INSERT INTO enrollments (token_hash, developer, created_at, revoked_at) VALUES ($1, 'ann@example.com', 1000, 2000), ($2, 'ann@example.com', 2000, NULL)`, ['a'.repeat(64), 'b'.repeat(64)]);
    } finally {
      await c.end();
    }
    const store = await openStore(url);
    try {
      assert.equal(await store.enrolledDeveloper('b'.repeat(64)), 'ann@example.com');
      assert.equal(await store.enrolledDeveloper('a'.repeat(64)), undefined, 'the revoked token stays revoked');
      const rows = await store.reportRows({});
      assert.equal(rows.head.count, 3, 'one event and two chained enrollments');
      assert.equal(rows.counters.duplicates, 3);
      const ack = rows.acks[0];
      assert.deepEqual([ack.verifiedHash, ack.verifiedReceived], ['c'.repeat(64), Date.parse('2026-11-02T09:00:01.000Z')]);
      const v = await store.verifyLog();
      assert.equal(v.ok, true, !v.ok ? v.reason : '');
    } finally {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
