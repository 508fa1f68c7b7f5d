// The policy validator is code generated at build time from schema/aipolicy.schema.json: it must be the
// schema's current text (a stale bundle fails here) and judge exactly as a validator compiled at run time.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import validate = require('policy-validator:generated');
import { validatorSchemaSha256 } from '../../../src/core/policy/schema';
import { repo } from './helpers';

const schemaText = readFileSync(path.join(repo, 'schema', 'aipolicy.schema.json'), 'utf8');

describe('the generated policy validator', () => {
  it('was generated from the schema as it is now', () => {
    assert.equal(validatorSchemaSha256(), createHash('sha256').update(schemaText).digest('hex'), 'rebuild: the bundled validator is stale against schema/aipolicy.schema.json');
  });

  it('judges valid and broken policies exactly as a validator compiled at run time', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv, ['date', 'uri']);
    const compiled = ajv.compile(JSON.parse(schemaText) as object);
    const samples = ['starter', 'strict'].map((n) => parse(readFileSync(path.join(repo, 'policy-samples', `${n}.aipolicy.yaml`), 'utf8')) as Record<string, unknown>);
    const inputs: unknown[] = [...samples];
    for (const s of samples) {
      inputs.push({ ...s, version: 0 }, { ...s, published: '2026-13-40' }, { ...s, tools: [{ id: 'x' }] }, { ...s, identifers: [] }, { ...s, mcp: { unlisted: 'maybe', servers: [] } }, { ...s, agents: { hooks: { onError: 'sometimes' } } });
      const { owner: _owner, ...withoutOwner } = s;
      inputs.push(withoutOwner);
    }
    inputs.push(null, 'text', [], {});
    const shape = (errors: typeof compiled.errors) => (errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.schemaPath}`).sort();
    for (const input of inputs) {
      const a = compiled(input);
      const b = validate(input);
      assert.equal(b, a, JSON.stringify(input).slice(0, 120));
      assert.deepEqual(shape(validate.errors), shape(compiled.errors));
    }
  });
});
