// The stored form of the tamper-evident log must not change with a library upgrade: a log written by one
// release must verify under the next. These bodies and hashes were produced by the release before the
// canonicalize dependency changed (JSON Canonicalization Scheme, RFC 8785) and are compared byte for byte.
import * as assert from 'node:assert/strict';
import canonicalize from 'canonicalize';
import { chainHash, GENESIS } from '../../../src/server/store/chain';

const RECEIVED = '2026-11-20T05:00:01.000Z';
const golden: { input: string; body: string; hash: string }[] = [
  {
    input: "{\"type\":\"policy.acknowledged\",\"id\":\"ev-1\",\"time\":\"2026-11-20T10:00:00+05:00\",\"developer\":\"ann@example.com\",\"data\":{\"version\":3,\"hash\":\"ab\",\"z\":null,\"a\":[1,2.5,-0,1e21,1e-7,true,false,null]}}",
    body: "{\"data\":{\"a\":[1,2.5,0,1e+21,1e-7,true,false,null],\"hash\":\"ab\",\"version\":3,\"z\":null},\"developer\":\"ann@example.com\",\"id\":\"ev-1\",\"time\":\"2026-11-20T10:00:00+05:00\",\"type\":\"policy.acknowledged\"}",
    hash: '9d086a3e08cd9412d8d6de7e3966739acb6d27562caa2ef982fc928522dea17f',
  },
  {
    input: "{\"€\":\"euro\",\"\\u00e9\":\"é\",\"\\ud83d\\ude00\":\"emoji\",\"a\\u0000b\":\"nul\",\"\\n\":\"line\\tfeed\",\"\\u2028\":\"ls\",\"10\":1,\"9\":2,\"A\":3,\"a\":4,\"ﬀ\":5}",
    body: "{\"\\n\":\"line\\tfeed\",\"10\":1,\"9\":2,\"A\":3,\"a\":4,\"a\\u0000b\":\"nul\",\"é\":\"é\",\" \":\"ls\",\"€\":\"euro\",\"😀\":\"emoji\",\"ﬀ\":5}",
    hash: 'b36e0942f62440edc89cfbb931ef9b8ddf6106f057bb9a6c28e5d13e3684bbb1',
  },
  {
    input: "{\"nested\":{\"b\":{\"d\":[{\"y\":1,\"x\":2}],\"c\":{}},\"a\":[]},\"big\":123456789012345680000,\"small\":0.000001,\"neg\":-1.5e-10,\"int\":9007199254740993}",
    body: "{\"big\":123456789012345680000,\"int\":9007199254740992,\"neg\":-1.5e-10,\"nested\":{\"a\":[],\"b\":{\"c\":{},\"d\":[{\"x\":2,\"y\":1}]}},\"small\":0.000001}",
    hash: 'bc757a040a5b4446450cb1199f862d0b54ac672158cac60513cf46435ec4fb2b',
  },
];

describe('server: the hash-chain format is byte-identical across releases', () => {
  it('canonical JSON of received events (key order by UTF-16 code units, ECMAScript numbers, escapes)', () => {
    for (const g of golden) assert.equal(canonicalize(JSON.parse(g.input)), g.body);
  });

  it('chains the same hashes from the documented formula', () => {
    let prev = GENESIS;
    for (const g of golden) {
      prev = chainHash(prev, RECEIVED, 'shared', canonicalize(JSON.parse(g.input)) as string);
      assert.equal(prev, g.hash);
    }
  });

  it('refuses what has no canonical form instead of writing it', () => {
    assert.throws(() => canonicalize({ s: '\ud800' }), /surrogate/i);
    assert.throws(() => canonicalize({ n: Number.NaN }), /NaN/);
  });
});
