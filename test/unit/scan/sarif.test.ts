// SARIF 2.1.0 shape as GitHub code scanning reads it.
import * as assert from 'node:assert/strict';
import { Scanner } from '../../../src/core/scan';
import { toSarif } from '../../../src/core/scan/sarif';
import { j } from './fixtures';

/** The parts of a SARIF 2.1.0 log these tests read. */
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; rules: { id: string; shortDescription: { text: string } }[] } };
    results: {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: Record<string, number> } }[];
      partialFingerprints: Record<string, string>;
    }[];
  }[];
}

describe('SARIF output', () => {
  it('has driver rules, results with locations and fingerprints, and no secret', () => {
    const key = j('AK', 'IA', 'QYLPMN5HHHFPZAM2');
    const r = new Scanner().scanText(`x\n  id = "${key}"\n`, 'src/a.py');
    const sarif = toSarif([{ path: 'src/a.py', ...r }], { toolVersion: '1.2.3' }) as SarifLog;
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'ai-policy');
    assert.equal(run.tool.driver.rules[0].id, 'aws-access-key-id');
    assert.ok(run.tool.driver.rules[0].shortDescription.text);
    const res = run.results[0];
    assert.equal(res.ruleId, 'aws-access-key-id');
    assert.equal(res.level, 'error');
    const loc = res.locations[0].physicalLocation;
    assert.deepEqual(loc.artifactLocation, { uri: 'src/a.py', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(loc.region, { startLine: 2, startColumn: 9, endLine: 2, endColumn: 29 });
    assert.match(Object.values(res.partialFingerprints)[0], /^[0-9a-f]{32}$/);
    assert.ok(!JSON.stringify(sarif).includes(key));
  });
  it('percent-encodes artifact paths so that they are valid URI references', () => {
    const r = new Scanner().scanText('.env\n', 'my dir/.env');
    const sarif = toSarif([{ path: 'my dir/a#1%.env', ...r }], { toolVersion: '1.2.3' }) as SarifLog;
    const uri = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri;
    assert.equal(uri, 'my%20dir/a%231%25.env');
    assert.equal(decodeURIComponent(uri), 'my dir/a#1%.env');
  });
});
