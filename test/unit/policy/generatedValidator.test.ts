import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { schemaProblems, validatorSchemaSha256 } from '../../../src/core/policy/schema';
import { repo, starterText, strictText } from './helpers';
import { parseYaml } from '../../../src/core/policy/parse';

const schemaPath = path.join(repo, 'schema', 'aipolicy.schema.json');

describe('policy validator generated at build time', () => {
  it('was generated from the schema file as it is now (rebuild when this fails)', () => {
    const sha = createHash('sha256').update(readFileSync(schemaPath, 'utf8')).digest('hex');
    assert.equal(validatorSchemaSha256, sha, 'the bundled validator is stale against schema/aipolicy.schema.json');
  });

  it('agrees with Ajv compiling the schema at run time, on the samples and on broken variants', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv, ['date', 'uri']);
    const compiled = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
    const samples = [starterText(), strictText()].map((t) => parseYaml(t).value as Record<string, unknown>);
    const variants: unknown[] = [
      ...samples,
      ...samples.map((s) => ({ ...s, version: 'one' })),
      ...samples.map((s) => ({ ...s, effectiveDate: '2026-13-45', tools: [{}] })),
      ...samples.map((s) => ({ ...s, extra: true, contact: 'not a uri' })),
      {},
    ];
    for (const v of variants) {
      const ok = compiled(v);
      const problems = schemaProblems(v);
      assert.equal(problems.length === 0, ok, JSON.stringify(compiled.errors));
    }
  });
});
